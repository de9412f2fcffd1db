import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkDeactivateResult } from '../../../shared/review.js';
import { errorMessage } from '../../api/errors';
import type { Member } from '../../api/types';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { notify } from '../../components/notify';
import { useBulkDeactivate } from './reviewApi';
import { EmailText } from '../../components/EmailText';

interface BulkDeactivateDialogProps {
  members: Member[];
  opened: boolean;
  version: number;
  onClose: () => void;
  /** Called with the ids that were deactivated, so the selection can let go of them. */
  onDone: (deactivated: string[]) => void;
}

const NAMES_SHOWN = 10;

/** Says how many and what happens, deactivates them in one request, then answers row by row. */
export function BulkDeactivateDialog({ members, opened, version, onClose, onDone }: BulkDeactivateDialogProps) {
  const { t } = useTranslation();
  const deactivate = useBulkDeactivate();
  const { reset } = deactivate;
  useEffect(() => reset(), [version, reset]);
  const count = members.length;
  const result = deactivate.data;

  const confirm = () =>
    deactivate.mutate(
      members.map((m) => m.id),
      {
        onSuccess: ({ results }) => {
          const done = results.filter((r) => r.ok).map((r) => r.id);
          onDone(done);
          notify(t('admin.review.bulk.doneToast', { count: done.length }), done.length === results.length ? 'success' : 'info');
        },
      },
    );

  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={result ? t('admin.review.bulk.resultTitle') : t('admin.review.bulk.title', { count })}
      size="lg"
    >
      {result ? (
        <BulkResults members={members} results={result.results} onClose={onClose} />
      ) : (
        <Stack gap="md">
          <Text>{t('admin.review.bulk.intro', { count })}</Text>
          <List size="sm" spacing={2}>
            {members.slice(0, NAMES_SHOWN).map((m) => (
              <List.Item key={m.id}>
                <bdi>{m.fullName}</bdi> (<EmailText>{m.email}</EmailText>)
              </List.Item>
            ))}
          </List>
          {count > NAMES_SHOWN && <Text size="sm">{t('admin.review.bulk.andMore', { count: count - NAMES_SHOWN })}</Text>}
          <Text fw={600}>{t('admin.review.bulk.whatHappens')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('admin.review.bulk.signedOut')}</List.Item>
            <List.Item>{t('users.deactivate.dataStays')}</List.Item>
            <List.Item>{t('admin.review.bulk.seatsFreed')}</List.Item>
            <List.Item>{t('admin.review.bulk.guards')}</List.Item>
          </List>
          <FormAlert>{deactivate.error ? errorMessage(t, deactivate.error) : null}</FormAlert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={deactivate.isPending} onClick={confirm}>
              {t('admin.review.bulk.confirm', { count })}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}

function BulkResults({
  members,
  results,
  onClose,
}: {
  members: Member[];
  results: BulkDeactivateResult['results'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  // The confirm button that had focus is gone: focus moves to the answer's only action.
  useEffect(() => close.current?.focus(), []);
  const byId = new Map(members.map((m) => [m.id, m]));
  const done = results.filter((r) => r.ok).length;
  const refused = results.length - done;
  return (
    <Stack gap="md">
      <Text role="status">
        {t('admin.review.bulk.summary', { count: done })}
        {refused > 0 && ` ${t('admin.review.bulk.refusedSummary', { count: refused })}`}
      </Text>
      <List size="sm" spacing={4} aria-label={t('admin.review.bulk.resultTitle')}>
        {results.map((r) => {
          const name = byId.get(r.id)?.fullName ?? r.id;
          return (
            <List.Item key={r.id}>
              <bdi>{name}</bdi>
              {': '}
              {r.ok ? (
                <Text span size="sm" fw={600} c="teal.9">
                  {t('admin.review.bulk.rowDone')}
                </Text>
              ) : (
                <>
                  <Text span size="sm" fw={600} c="red.9">
                    {t('admin.review.bulk.rowRefused')}
                  </Text>{' '}
                  {t(`errors.${r.code}`, { defaultValue: t('errors.UNKNOWN') })}
                </>
              )}
            </List.Item>
          );
        })}
      </List>
      <Group justify="flex-end">
        <Button ref={close} onClick={onClose}>
          {t('admin.review.bulk.done')}
        </Button>
      </Group>
    </Stack>
  );
}
