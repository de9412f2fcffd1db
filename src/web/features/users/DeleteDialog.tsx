import { Loader, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import type { Member, OwnedItemCounts } from '../../api/types';
import { FormAlert } from '../../components/FormAlert';
import type { DialogProps } from '../../components/useDialog';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { MutationDialog } from './ConfirmDialog';
import { useActiveMembers, useDeleteUser, useOwnedItems } from './usersApi';

const ITEM_KINDS = ['contacts', 'campaigns', 'messages', 'workflows'] as const satisfies readonly (keyof OwnedItemCounts)[];

/** Delete: access ends at once; shows what the person owns and offers to hand it to an active member. */
export function DeleteDialog({ member, ...dialog }: DialogProps<'member', Member>) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { opened, version } = dialog;
  const [reassignTo, setReassignTo] = useState('');
  useEffect(() => setReassignTo(''), [version]);

  const items = useOwnedItems(opened && member ? member.id : null);
  const total = items.data ? ITEM_KINDS.reduce((sum, k) => sum + items.data[k], 0) : 0;
  const others = useActiveMembers(opened && total > 0);
  const name = member?.fullName ?? '';
  const candidates = (others.data ?? []).filter((m) => m.id !== member?.id);

  return (
    <MutationDialog
      {...dialog}
      title={t('users.delete.title', { name })}
      confirmLabel={t('users.actions.delete')}
      danger
      mutation={useDeleteUser()}
      variables={member && { id: member.id, reassignTo: reassignTo || undefined }}
      notice={t('users.delete.done', { name })}
    >
      <Stack gap="sm">
        <Text>{t('users.delete.accessEnds', { name })}</Text>
        <Text>{t('users.delete.dataStays', { owner: t('users.removedName', { name }) })}</Text>
        {items.isPending ? (
          <Loader size="sm" role="status" aria-label={t('users.delete.loadingItems')} />
        ) : items.isError ? (
          <FormAlert>{errorMessage(t, items.error)}</FormAlert>
        ) : (
          <>
            <Text fw={600} size="sm">
              {t('users.delete.owns', { name })}
            </Text>
            <SimpleGrid cols={2} spacing={4} component="dl" m={0}>
              {ITEM_KINDS.map((kind) => (
                <div key={kind} style={{ display: 'flex', gap: 8 }}>
                  <Text component="dt" size="sm">
                    {t(`users.items.${kind}`)}:
                  </Text>
                  <Text component="dd" size="sm" fw={700} m={0}>
                    {formatNumber(locale, items.data[kind])}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            {total > 0 && (
              <NativeSelect
                label={t('users.delete.reassignTo')}
                description={t('users.delete.reassignHint')}
                value={reassignTo}
                onChange={(e) => setReassignTo(e.currentTarget.value)}
                data={[
                  { value: '', label: t('users.delete.keepAs', { owner: t('users.removedName', { name }) }) },
                  ...candidates.map((m) => ({ value: m.id, label: `${m.fullName} (${m.email})` })),
                ]}
              />
            )}
          </>
        )}
      </Stack>
    </MutationDialog>
  );
}
