import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentMe } from '../auth/session';
import { navItemsFor } from './navigation';

export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { pathname } = useLocation();
  const items = [{ to: '/', label: 'nav.home' }, ...navItemsFor(me)];
  return (
    <Stack component="nav" aria-label={t('nav.label')} gap={4}>
      {items.map((item) => {
        const active = item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            fw={500}
          />
        );
      })}
    </Stack>
  );
}
