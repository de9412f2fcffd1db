import { Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/api.js';
import { isApiError } from '../../api/client';
import { notify } from '../../components/notify';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import type { DialogProps } from '../../components/useDialog';
import { ConfirmDialog } from '../users/ConfirmDialog';
import { useSendCampaign } from './campaignsApi';

/** `<input type="datetime-local">` speaks local time without a zone: "2030-05-01T09:30". */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Send now, or schedule for a time ahead. The built-in provider records the intent only. */
export function SendCampaignDialog({ campaign, opened, version, onClose }: DialogProps<'campaign', Campaign>) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const send = useSendCampaign();
  const { reset } = send;
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [atError, setAtError] = useState<string | null>(null);
  useEffect(() => {
    reset();
    setWhen('now');
    setAt(localInputValue(new Date(Date.now() + 24 * 3600 * 1000)));
    setAtError(null);
  }, [version, reset]);

  const name = campaign?.name ?? '';
  const serverSaysTime = isApiError(send.error) && Object.keys(send.error.fields).some((f) => f.includes('scheduledAt'));

  const confirm = () => {
    if (!campaign) return;
    let scheduledAt: string | undefined;
    if (when === 'later') {
      const date = new Date(at);
      if (!at || Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
        setAtError(t('features.invalid.scheduledAt'));
        return;
      }
      scheduledAt = date.toISOString();
    }
    setAtError(null);
    send.mutate(
      { id: campaign.id, scheduledAt },
      {
        onSuccess: (sent) => {
          notify(
            sent.status === 'scheduled' && sent.scheduledAt
              ? t('features.email.scheduledDone', { name, at: formatDateTime(locale, sent.scheduledAt) })
              : t('features.email.sentDone', { name }),
          );
          onClose();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('features.email.sendTitle', { name })}
      confirmLabel={when === 'now' ? t('features.email.sendNow') : t('features.email.schedule')}
      pending={send.isPending}
      error={serverSaysTime ? null : send.error}
      onConfirm={confirm}
    >
      <Stack gap="sm">
        {campaign && (
          <Text size="sm">
            {t('features.email.fields.subject')}: <bdi>{campaign.subject}</bdi>
          </Text>
        )}
        <Radio.Group label={t('features.email.when')} value={when} onChange={(v) => setWhen(v === 'later' ? 'later' : 'now')}>
          <Stack gap="xs" mt={6}>
            <Radio value="now" label={t('features.email.whenNow')} />
            <Radio value="later" label={t('features.email.whenLater')} />
          </Stack>
        </Radio.Group>
        {when === 'later' && (
          <TextInput
            type="datetime-local"
            label={t('features.email.fields.scheduledAt')}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={atError ?? (serverSaysTime ? t('features.invalid.scheduledAt') : undefined)}
            required
          />
        )}
        <Text size="sm" c="dimmed">
          {t('features.email.deliveryNote')}
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}
