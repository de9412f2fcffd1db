import { List, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import { ConfirmDialog } from './ConfirmDialog';
import { useDeleteUser, useEditUser } from './usersApi';
import { notify } from '../../components/notify';

interface DialogProps {
  member: Member | null;
  opened: boolean;
  version: number;
  onClose: () => void;
}

/** Deactivate: says what happens, then PATCH {status: 'deactivated'}. */
export function DeactivateDialog({ member, opened, version, onClose }: DialogProps) {
  const { t } = useTranslation();
  const edit = useEditUser();
  const { reset } = edit;
  useEffect(() => reset(), [version, reset]);
  const name = member?.fullName ?? '';
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('users.deactivate.title', { name })}
      confirmLabel={t('users.actions.deactivate')}
      danger
      pending={edit.isPending}
      error={edit.error}
      onConfirm={() =>
        member &&
        edit.mutate(
          { id: member.id, changes: { status: 'deactivated' } },
          {
            onSuccess: () => {
              notify(t('users.deactivate.done', { name }));
              onClose();
            },
          },
        )
      }
    >
      <Text>{t('users.deactivate.intro', { name })}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('users.deactivate.signedOut')}</List.Item>
        <List.Item>{t('users.deactivate.dataStays')}</List.Item>
        <List.Item>{t('users.deactivate.reactivateLater')}</List.Item>
      </List>
    </ConfirmDialog>
  );
}

/** Reactivate: a small confirmation; needs a free seat. */
export function ReactivateDialog({ member, opened, version, onClose }: DialogProps) {
  const { t } = useTranslation();
  const edit = useEditUser();
  const { reset } = edit;
  useEffect(() => reset(), [version, reset]);
  const name = member?.fullName ?? '';
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('users.reactivate.title', { name })}
      confirmLabel={t('users.actions.reactivate')}
      pending={edit.isPending}
      error={edit.error}
      onConfirm={() =>
        member &&
        edit.mutate(
          { id: member.id, changes: { status: 'active' } },
          {
            onSuccess: () => {
              notify(t('users.reactivate.done', { name }));
              onClose();
            },
          },
        )
      }
    >
      <Text>{t('users.reactivate.body', { name })}</Text>
    </ConfirmDialog>
  );
}

/** Revoke invitation: the link in the email stops working; the seat is freed. */
export function RevokeDialog({ member, opened, version, onClose }: DialogProps) {
  const { t } = useTranslation();
  const remove = useDeleteUser();
  const { reset } = remove;
  useEffect(() => reset(), [version, reset]);
  const name = member?.fullName ?? '';
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('users.revoke.title', { name })}
      confirmLabel={t('users.actions.revoke')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        member &&
        remove.mutate(
          { id: member.id },
          {
            onSuccess: () => {
              notify(t('users.revoke.done', { email: member.email }));
              onClose();
            },
          },
        )
      }
    >
      <Text>{t('users.revoke.body', { email: member?.email ?? '' })}</Text>
    </ConfirmDialog>
  );
}
