import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

const SECTIONS = [
  { to: '/settings/users', label: 'settings.users' },
  { to: '/settings/billing', label: 'settings.billing' },
  { to: '/settings/audit-log', label: 'admin.audit.title' },
  { to: '/settings/access-review', label: 'admin.review.title' },
] as const;

/** Settings → Users, Billing & Subscription, Audit log, Access review. */
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
              aria-current={pathname === s.to ? 'page' : active ? 'true' : undefined}
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
