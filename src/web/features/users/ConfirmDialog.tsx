import { Button, Group, Stack } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { notify } from '../../components/notify';
import { UserLimitAlert } from './UserLimitAlert';

export interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

/** "Are you sure?" with what will happen, the server's refusal in words, and Cancel first. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { opened, onClose, title, children, confirmLabel, danger = false, pending, error, onConfirm } = props;
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size="md">
      <Stack gap="md">
        {children}
        {isApiError(error, 'USER_LIMIT_REACHED') ? (
          <UserLimitAlert error={error} onNavigate={onClose} />
        ) : (
          <FormAlert>{error ? errorMessage(t, error) : null}</FormAlert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : 'blue'} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

export interface MutationDialogProps<V, R> extends Omit<ConfirmDialogProps, 'pending' | 'error' | 'onConfirm'> {
  /** Changes on every open: the last refusal is forgotten. */
  version: number;
  mutation: Pick<UseMutationResult<R, Error, V>, 'mutate' | 'reset' | 'isPending' | 'error'>;
  /** What confirming sends; null: nothing to act on. */
  variables: V | null;
  /** Said once it is done; then the dialog closes. */
  notice: string;
}

/** A ConfirmDialog that runs one change: fresh on every open, a notice and closed once done. */
export function MutationDialog<V, R>({ version, mutation, variables, notice, ...dialog }: MutationDialogProps<V, R>) {
  const { reset } = mutation;
  useEffect(() => reset(), [version, reset]);
  const onSuccess = () => {
    notify(notice);
    dialog.onClose();
  };
  return (
    <ConfirmDialog
      {...dialog}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => variables !== null && mutation.mutate(variables, { onSuccess })}
    />
  );
}
