import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { UserLimitAlert } from '../users/UserLimitAlert';
import type { BulkInviteResult } from '../../../shared/review.js';
import { FileErrors } from './FileErrors';

interface SendDialogProps {
  opened: boolean;
  checked: BulkInviteResult;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Send N invitations?" — then a progress indicator while the one request runs. */
export function SendDialog({ opened, checked, pending, error, onConfirm, onClose }: SendDialogProps) {
  const { t } = useTranslation();
  const count = checked.summary.invite;
  const skipped = checked.rows.length - count;
  const { used, limit } = checked.seats;
  return (
    <AppModal
      opened={opened}
      onClose={pending ? () => undefined : onClose}
      closeOnEscape={!pending}
      closeOnClickOutside={!pending}
      withCloseButton={!pending}
      title={t('admin.bulkInvite.send.title', { count })}
      size="md"
    >
      {pending ? (
        <Stack align="center" gap="sm" py="lg">
          <Loader role="status" aria-label={t('admin.bulkInvite.send.progress', { count })} />
          <Text ta="center">{t('admin.bulkInvite.send.progress', { count })}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('admin.bulkInvite.send.wait')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text>{t('admin.bulkInvite.send.body', { count })}</Text>
          {skipped > 0 && <Text size="sm">{t('admin.bulkInvite.send.skipped', { count: skipped })}</Text>}
          <Text size="sm">
            {limit === null
              ? t('admin.bulkInvite.send.seatsUnlimited', { after: used + count })
              : t('admin.bulkInvite.send.seats', { after: used + count, limit })}
          </Text>
          {isApiError(error, 'USER_LIMIT_REACHED') ? (
            <UserLimitAlert error={error} onNavigate={onClose} />
          ) : isApiError(error, 'CSV_INVALID') ? (
            <FileErrors details={error.details} />
          ) : (
            <FormAlert>{error ? errorMessage(t, error) : null}</FormAlert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button onClick={onConfirm}>{t('admin.bulkInvite.send.button', { count })}</Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
