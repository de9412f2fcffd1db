import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/api.js';
import type { DialogProps } from '../../components/useDialog';
import { MutationDialog } from '../users/ConfirmDialog';
import { useSendMessage } from './messagesApi';

/** Sends a draft (or a failed message, again) after showing what goes to whom. */
export function SendMessageDialog({ message, ...dialog }: DialogProps<'message', Message>) {
  const { t } = useTranslation();
  const phone = message?.recipientPhone ?? '';
  return (
    <MutationDialog
      {...dialog}
      title={t('features.whatsapp.sendTitle')}
      confirmLabel={t('features.whatsapp.send')}
      mutation={useSendMessage()}
      variables={message?.id ?? null}
      notice={t('features.whatsapp.sentDone', { phone })}
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
    </MutationDialog>
  );
}
