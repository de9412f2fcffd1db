import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { FormAlert } from '../../components/FormAlert';
import { PublicLayout } from '../../components/PublicLayout';
import { usePageTitle } from '../../components/usePageTitle';
import { useLanguage } from '../../i18n/useLanguage';
import { validEmail } from './validators';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const { locale } = useLanguage();
  const form = useForm({ initialValues: { email: '' }, validate: { email: validEmail(t) } });
  const request = useMutation({
    mutationFn: (values: typeof form.values) => post('/api/auth/password-reset', { email: values.email, locale }),
  });

  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forgot.title')}
        </Title>
        {request.isSuccess ? (
          <>
            <FormAlert color="teal">{t('forgot.sent', { email: form.values.email.trim() })}</FormAlert>
            <Anchor component={Link} to="/login">
              {t('forgot.backToLogin')}
            </Anchor>
          </>
        ) : (
          <form noValidate onSubmit={form.onSubmit((values) => request.mutate(values))}>
            <Stack gap="md">
              <Text>{t('forgot.intro')}</Text>
              <FormAlert>{request.isError ? errorMessage(t, request.error) : null}</FormAlert>
              <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <Button type="submit" loading={request.isPending} fullWidth>
                {t('forgot.submit')}
              </Button>
              <Anchor component={Link} to="/login" size="sm">
                {t('forgot.backToLogin')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicLayout>
  );
}
