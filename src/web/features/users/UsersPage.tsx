import { Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import type { Member } from '../../api/types';
import { ListFooter } from '../../components/ListFooter';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useDialog } from '../../components/useDialog';
import { useCurrentMe } from '../auth/session';
import { AdminOnly } from '../settings/AdminOnly';
import { AddUserModal } from './AddUserModal';
import { DeleteDialog } from './DeleteDialog';
import { EditUserModal } from './EditUserModal';
import type { RowAction } from './RowActions';
import { DeactivateDialog, ReactivateDialog, RevokeDialog } from './StatusDialogs';
import { UserFiltersBar } from './UserFiltersBar';
import { UsersTable } from './UsersTable';
import { useResendInvitation, useUserList, type UserFilters } from './usersApi';
import { notify } from '../../components/notify';

/** Settings → Users (CompanyAdmin only). */
export function UsersPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('settings.users')} message={t('users.adminOnly')}>
      <UsersManager />
    </AdminOnly>
  );
}

function UsersManager() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState<Omit<UserFilters, 'search'>>({ role: '', status: '' });
  const query = { ...filters, search: debouncedSearch };
  const list = useUserList(query);
  const members = list.data?.pages.flatMap((p) => p.items) ?? [];

  const add = useDialog<true>();
  const edit = useDialog<Member>();
  const deactivate = useDialog<Member>();
  const reactivate = useDialog<Member>();
  const remove = useDialog<Member>();
  const revoke = useDialog<Member>();
  const resend = useResendInvitation();

  const onAction = (member: Member, action: RowAction) => {
    if (action === 'edit') edit.open(member);
    else if (action === 'deactivate') deactivate.open(member);
    else if (action === 'reactivate') reactivate.open(member);
    else if (action === 'delete') remove.open(member);
    else if (action === 'revoke') revoke.open(member);
    else
      resend.mutate(member.id, {
        onSuccess: () => notify(t('users.resend.done', { email: member.email })),
        onError: (error) => notify(errorMessage(t, error), 'error'),
      });
  };

  const filtered = Boolean(debouncedSearch.trim() || filters.role || filters.status);

  return (
    <>
      <PageHeader
        title={t('settings.users')}
        description={t('users.intro')}
        actions={
          <>
            <Button component={Link} to="/settings/users/bulk-invite" variant="default">
              {t('admin.bulkInvite.button')}
            </Button>
            <Button onClick={() => add.open(true)}>{t('users.add.button')}</Button>
          </>
        }
      />
      <UserFiltersBar
        search={search}
        onSearch={setSearch}
        filters={{ ...filters, search }}
        onFilters={(next) => setFilters({ role: next.role, status: next.status })}
      />
      {list.isPending ? (
        <Stack gap="xs" role="status" aria-label={t('users.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : members.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center">{filtered ? t('users.emptyFiltered') : t('users.empty')}</Text>
        </Paper>
      ) : (
        <>
          <UsersTable members={members} selfEmail={me.user.email} onAction={onAction} />
          <ListFooter list={list} shown={t('users.shown', { count: members.length })} loadMore={t('users.loadMore')} />
        </>
      )}
      <AddUserModal opened={add.opened} version={add.version} onClose={add.close} />
      <EditUserModal
        member={edit.target}
        isSelf={edit.target?.email.toLowerCase() === me.user.email.toLowerCase()}
        opened={edit.opened}
        version={edit.version}
        onClose={edit.close}
      />
      <DeactivateDialog
        member={deactivate.target}
        opened={deactivate.opened}
        version={deactivate.version}
        onClose={deactivate.close}
      />
      <ReactivateDialog
        member={reactivate.target}
        opened={reactivate.opened}
        version={reactivate.version}
        onClose={reactivate.close}
      />
      <DeleteDialog member={remove.target} opened={remove.opened} version={remove.version} onClose={remove.close} />
      <RevokeDialog member={revoke.target} opened={revoke.opened} version={revoke.version} onClose={revoke.close} />
    </>
  );
}
