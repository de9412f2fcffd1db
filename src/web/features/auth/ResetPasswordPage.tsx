import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MIN } from '../../../shared/limits.js';
import { isApiError, post } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { PasswordField } from '../../components/PasswordField';
import { FormAlert } from '../../components/FormAlert';
import { tokenFromHash } from '../../components/hashToken';
import { PublicLayout } from '../../components/PublicLayout';
import { usePageTitle } from '../../components/usePageTitle';
import { newPassword } from './validators';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [token] = useState(() => tokenFromHash());
  const form = useForm({ initialValues: { password: '' }, validate: { password: newPassword(t) } });
  const confirm = useMutation({
    mutationFn: (values: typeof form.values) => post('/api/auth/password-reset/confirm', { token, password: values.password }),
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });
  const invalidToken = !token || isApiError(confirm.error, 'INVALID_TOKEN');

  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('reset.title')}
        </Title>
        {confirm.isSuccess ? (
          <>
            <FormAlert color="teal">{t('reset.done')}</FormAlert>
            <Anchor component={Link} to="/login">
              {t('reset.goToLogin')}
            </Anchor>
          </>
        ) : invalidToken ? (
          <>
            <FormAlert>{t('errors.INVALID_TOKEN')}</FormAlert>
            <Anchor component={Link} to="/forgot-password">
              {t('reset.askAgain')}
            </Anchor>
          </>
        ) : (
          <form noValidate onSubmit={form.onSubmit((values) => confirm.mutate(values))}>
            <Stack gap="md">
              <Text>{t('reset.intro')}</Text>
              <FormAlert>{confirm.isError && !Object.keys(form.errors).length ? errorMessage(t, confirm.error) : null}</FormAlert>
              <PasswordField
                label={t('fields.newPassword')}
                description={t('fields.passwordHint', { min: PASSWORD_MIN })}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={confirm.isPending} fullWidth>
                {t('reset.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicLayout>
  );
}
