import type { ReactNode } from 'react';
import { isCompanyAdmin } from '../../../shared/permissions.js';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentMe } from '../auth/session';
import { AskAdmin } from '../company/AskAdmin';

/** CompanyAdmin-only pages: anyone else sees the page title and who to ask. */
export function AdminOnly({ title, message, children }: { title: string; message: string; children: ReactNode }) {
  const me = useCurrentMe();
  if (me.role && isCompanyAdmin({ role: me.role, permissions: me.permissions })) return <>{children}</>;
  return (
    <>
      <PageHeader title={title} />
      <AskAdmin message={message} />
    </>
  );
}
