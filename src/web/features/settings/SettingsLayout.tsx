import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

const SECTIONS = [
  { to: '/settings/users', label: 'settings.users' },
  { to: '/settings/billing', label: 'settings.billing' },
] as const;

/** Settings → Users, Settings → Billing & Subscription. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <Group
        component="nav"
        aria-label={t('settings.navLabel')}
        gap="xs"
        mb="lg"
        pb="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        {SECTIONS.map((s) => {
          const active = pathname.startsWith(s.to);
          return (
            <Button
              key={s.to}
              component={Link}
              to={s.to}
              variant={active ? 'light' : 'subtle'}
              color={active ? 'blue' : 'dark'}
              aria-current={active ? 'page' : undefined}
              size="sm"
            >
              {t(s.label)}
            </Button>
          );
        })}
      </Group>
      <Outlet />
    </>
  );
}
