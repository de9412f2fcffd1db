import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/api.js';
import { useDialog } from '../../components/useDialog';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import type { ItemAction } from '../items/ItemActions';
import { ItemsPage } from '../items/ItemsPage';
import type { Column } from '../items/ItemsTable';
import { ItemStatusBadge } from '../items/StatusBadge';
import { CampaignDialog } from './CampaignDialog';
import { CAMPAIGNS_PATH } from './campaignsApi';
import { SendCampaignDialog } from './SendCampaignDialog';

const TONES = { draft: 'gray', scheduled: 'blue', sent: 'teal' } as const;

export function CampaignsPage() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const editor = useDialog<Campaign | null>();
  const sender = useDialog<Campaign>();

  const columns: Column<Campaign>[] = [
    {
      key: 'name',
      header: t('features.email.fields.name'),
      cell: (c) => (
        <Text size="sm" fw={600}>
          <bdi>{c.name}</bdi>
        </Text>
      ),
    },
    {
      key: 'subject',
      header: t('features.email.fields.subject'),
      cell: (c) => (
        <Text size="sm">
          <bdi>{c.subject}</bdi>
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('features.email.fields.status'),
      cell: (c) => {
        const at = c.status === 'scheduled' ? c.scheduledAt : c.status === 'sent' ? c.sentAt : null;
        return (
          <Stack gap={2} align="flex-start">
            <ItemStatusBadge label={t(`features.email.status.${c.status}`)} tone={TONES[c.status]} />
            {at && (
              <Text size="xs" component="time" dateTime={at}>
                {formatDateTime(locale, at)}
              </Text>
            )}
          </Stack>
        );
      },
    },
  ];

  // What went out cannot change; its owner still can (from the shared "Change owner").
  const actionsFor = (c: Campaign): ItemAction[] =>
    c.status === 'sent'
      ? []
      : [
          { key: 'edit', label: t('features.actions.edit'), onSelect: () => editor.open(c) },
          { key: 'send', label: t('features.email.sendAction'), onSelect: () => sender.open(c) },
        ];

  return (
    <ItemsPage<Campaign>
      feature="email"
      path={CAMPAIGNS_PATH}
      columns={columns}
      nameOf={(c) => c.name}
      onAdd={() => editor.open(null)}
      actionsFor={actionsFor}
    >
      <CampaignDialog campaign={editor.target} opened={editor.opened} version={editor.version} onClose={editor.close} />
      <SendCampaignDialog campaign={sender.target} opened={sender.opened} version={sender.version} onClose={sender.close} />
    </ItemsPage>
  );
}
