import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import type { DialogProps } from '../../components/useDialog';
import { MutationDialog } from './ConfirmDialog';
import { useDeleteUser, useEditUser } from './usersApi';

type MemberDialogProps = DialogProps<'member', Member>;

/** Deactivate: says what happens, then PATCH {status: 'deactivated'}. */
export function DeactivateDialog({ member, ...dialog }: MemberDialogProps) {
  const { t } = useTranslation();
  const name = member?.fullName ?? '';
  return (
    <MutationDialog
      {...dialog}
      title={t('users.deactivate.title', { name })}
      confirmLabel={t('users.actions.deactivate')}
      danger
      mutation={useEditUser()}
      variables={member && { id: member.id, changes: { status: 'deactivated' } }}
      notice={t('users.deactivate.done', { name })}
    >
      <Text>{t('users.deactivate.intro', { name })}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('users.deactivate.signedOut')}</List.Item>
        <List.Item>{t('users.deactivate.dataStays')}</List.Item>
        <List.Item>{t('users.deactivate.reactivateLater')}</List.Item>
      </List>
    </MutationDialog>
  );
}

/** Reactivate: a small confirmation; needs a free seat. */
export function ReactivateDialog({ member, ...dialog }: MemberDialogProps) {
  const { t } = useTranslation();
  const name = member?.fullName ?? '';
  return (
    <MutationDialog
      {...dialog}
      title={t('users.reactivate.title', { name })}
      confirmLabel={t('users.actions.reactivate')}
      mutation={useEditUser()}
      variables={member && { id: member.id, changes: { status: 'active' } }}
      notice={t('users.reactivate.done', { name })}
    >
      <Text>{t('users.reactivate.body', { name })}</Text>
    </MutationDialog>
  );
}

/** Revoke invitation: the link in the email stops working; the seat is freed. */
export function RevokeDialog({ member, ...dialog }: MemberDialogProps) {
  const { t } = useTranslation();
  const email = member?.email ?? '';
  return (
    <MutationDialog
      {...dialog}
      title={t('users.revoke.title', { name: member?.fullName ?? '' })}
      confirmLabel={t('users.actions.revoke')}
      danger
      mutation={useDeleteUser()}
      variables={member && { id: member.id }}
      notice={t('users.revoke.done', { email })}
    >
      <Text>{t('users.revoke.body', { email })}</Text>
    </MutationDialog>
  );
}
