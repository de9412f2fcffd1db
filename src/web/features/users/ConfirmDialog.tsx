import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
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
