import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MIN } from '../../../shared/limits.js';
import { isApiError, post } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { Me } from '../../api/types';
import { PasswordField } from '../../components/PasswordField';
import { FormAlert } from '../../components/FormAlert';
import { PublicLayout } from '../../components/PublicLayout';
import { usePageTitle } from '../../components/usePageTitle';
import { useLanguage } from '../../i18n/useLanguage';
import { useAfterSignIn } from './useAfterSignIn';
import { newPassword, required, validEmail } from './validators';

export function SignupPage() {
  const { t } = useTranslation();
  usePageTitle(t('signup.title'));
  const { locale } = useLanguage();
  const afterSignIn = useAfterSignIn();
  const form = useForm({
    initialValues: { companyName: '', fullName: '', email: '', password: '' },
    validate: { companyName: required(t), fullName: required(t), email: validEmail(t), password: newPassword(t) },
  });
  const signup = useMutation({
    mutationFn: (values: typeof form.values) => post<Me>('/api/auth/signup', { ...values, locale }),
    onSuccess: afterSignIn,
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });
  // Field-level problems are shown on their fields; only the rest goes in the banner.
  const showBanner = signup.isError && !(isApiError(signup.error) && Object.keys(signup.error.fields).length > 0);

  return (
    <PublicLayout>
      <form noValidate onSubmit={form.onSubmit((values) => signup.mutate(values))}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('signup.title')}
          </Title>
          <Text>{t('signup.intro')}</Text>
          <FormAlert>{showBanner ? errorMessage(t, signup.error) : null}</FormAlert>
          <TextInput
            label={t('fields.companyName')}
            autoComplete="organization"
            required
            {...form.getInputProps('companyName')}
          />
          <TextInput label={t('fields.fullName')} autoComplete="name" required {...form.getInputProps('fullName')} />
          <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordField
            label={t('fields.password')}
            description={t('fields.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signup.isPending} fullWidth>
            {t('signup.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('signup.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('signup.login')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
