import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/api.js';
import { useDialog } from '../../components/useDialog';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import type { ItemAction } from '../items/ItemActions';
import { ItemsPage } from '../items/ItemsPage';
import type { Column } from '../items/ItemsTable';
import { ItemStatusBadge } from '../items/StatusBadge';
import { MessageDialog } from './MessageDialog';
import { isEditable, MESSAGES_PATH } from './messagesApi';
import { SendMessageDialog } from './SendMessageDialog';

const TONES = { draft: 'gray', queued: 'blue', sent: 'teal', failed: 'red' } as const;

export function MessagesPage() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const editor = useDialog<Message | null>();
  const sender = useDialog<Message>();

  const columns: Column<Message>[] = [
    {
      key: 'recipientPhone',
      header: t('features.whatsapp.fields.recipientPhone'),
      cell: (m) => (
        <Text size="sm" fw={600}>
          <bdi dir="ltr">{m.recipientPhone}</bdi>
        </Text>
      ),
    },
    {
      key: 'text',
      header: t('features.whatsapp.fields.text'),
      cell: (m) => (
        <Text size="sm" lineClamp={2} maw={420} style={{ overflowWrap: 'anywhere' }}>
          <bdi>{m.text}</bdi>
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('features.whatsapp.fields.status'),
      cell: (m) => (
        <Stack gap={2} align="flex-start">
          <ItemStatusBadge label={t(`features.whatsapp.status.${m.status}`)} tone={TONES[m.status]} />
          {m.sentAt && (
            <Text size="xs" component="time" dateTime={m.sentAt}>
              {formatDateTime(locale, m.sentAt)}
            </Text>
          )}
        </Stack>
      ),
    },
  ];

  const actionsFor = (m: Message): ItemAction[] =>
    isEditable(m)
      ? [
          { key: 'edit', label: t('features.actions.edit'), onSelect: () => editor.open(m) },
          { key: 'send', label: t('features.whatsapp.send'), onSelect: () => sender.open(m) },
        ]
      : [];

  return (
    <ItemsPage<Message>
      feature="whatsapp"
      path={MESSAGES_PATH}
      columns={columns}
      nameOf={(m) => m.recipientPhone}
      onAdd={() => editor.open(null)}
      actionsFor={actionsFor}
    >
      <MessageDialog message={editor.target} opened={editor.opened} version={editor.version} onClose={editor.close} />
      <SendMessageDialog message={sender.target} opened={sender.opened} version={sender.version} onClose={sender.close} />
    </ItemsPage>
  );
}
