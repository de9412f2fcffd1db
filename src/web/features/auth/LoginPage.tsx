import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { Me } from '../../api/types';
import { PasswordField } from '../../components/PasswordField';
import { FormAlert } from '../../components/FormAlert';
import { PublicLayout } from '../../components/PublicLayout';
import { usePageTitle } from '../../components/usePageTitle';
import { useAfterSignIn } from './useAfterSignIn';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const afterSignIn = useAfterSignIn();
  const form = useForm({ initialValues: { email: '', password: '' } });
  const login = useMutation({
    mutationFn: (values: typeof form.values) => post<Me>('/api/auth/login', values),
    onSuccess: afterSignIn,
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });

  return (
    <PublicLayout>
      <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values))}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          <FormAlert>{login.isError ? errorMessage(t, login.error) : null}</FormAlert>
          <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('login.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('login.signup')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
