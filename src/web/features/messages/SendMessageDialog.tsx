import { Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/api.js';
import { notify } from '../../components/notify';
import { ConfirmDialog } from '../users/ConfirmDialog';
import { useSendMessage } from './messagesApi';

/** Sends a draft (or a failed message, again) after showing what goes to whom. */
export function SendMessageDialog({
  message,
  opened,
  version,
  onClose,
}: {
  message: Message | null;
  opened: boolean;
  version: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const send = useSendMessage();
  const { reset } = send;
  useEffect(() => reset(), [version, reset]);
  const phone = message?.recipientPhone ?? '';
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('features.whatsapp.sendTitle')}
      confirmLabel={t('features.whatsapp.send')}
      pending={send.isPending}
      error={send.error}
      onConfirm={() =>
        message &&
        send.mutate(message.id, {
          onSuccess: () => {
            notify(t('features.whatsapp.sentDone', { phone }));
            onClose();
          },
        })
      }
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('features.whatsapp.fields.recipientPhone')}: <bdi dir="ltr">{phone}</bdi>
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <bdi>{message?.text}</bdi>
        </Text>
        <Text size="sm" c="dimmed">
          {t('features.whatsapp.deliveryNote')}
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}
