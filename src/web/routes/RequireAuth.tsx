import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ME_KEY } from '../api/queryClient';
import { MeContext, useMe } from '../features/auth/session';
import { LoadError } from '../components/LoadError';
import { NoCompanyPage } from '../features/shell/NoCompanyPage';

/** Signed-in pages: a signed-out visitor goes to log in and comes back afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Every navigation asks the server again who this is, so a role, permission or status change
  // made by an admin shows on the person's very next click (a click on the page they are on too:
  // each navigation has its own key).
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [location.key, queryClient]);
  if (me.isPending) return <FullPageLoader label={t('app.loading')} />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} standalone />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!me.data.company) {
    return (
      <MeContext.Provider value={me.data}>
        <NoCompanyPage />
      </MeContext.Provider>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}

/** Pages for signed-out visitors (log in, sign up): a signed-in person goes home. */
export function GuestOnly() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <FullPageLoader label={t('app.loading')} />;
  if (me.data) return <Navigate to="/" replace />;
  return <Outlet />;
}

export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center mih="100vh" component="main">
      <Loader role="status" aria-label={label} />
    </Center>
  );
}
