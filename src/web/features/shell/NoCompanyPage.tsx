import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PublicLayout } from '../../components/PublicLayout';
import { usePageTitle } from '../../components/usePageTitle';
import { useCurrentMe, useLogout, useSwitchCompany } from '../auth/session';

/** Signed in, but the active company is gone (access ended): pick another company or log out. */
export function NoCompanyPage() {
  const { t } = useTranslation();
  usePageTitle(t('noCompany.title'));
  const me = useCurrentMe();
  const logout = useLogout();
  const switchCompany = useSwitchCompany();
  const navigate = useNavigate();
  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('noCompany.title')}
        </Title>
        <Text>{t('noCompany.body')}</Text>
        {me.companies.map((c) => (
          <Button key={c.id} variant="default" loading={switchCompany.isPending} onClick={() => switchCompany.mutate(c.id)}>
            {t('noCompany.open', { company: c.name })}
          </Button>
        ))}
        <Button onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
          {t('shell.logout')}
        </Button>
      </Stack>
    </PublicLayout>
  );
}
