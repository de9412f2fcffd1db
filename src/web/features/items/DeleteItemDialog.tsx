import { Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../../shared/permissions.js';
import { del } from '../../api/client';
import { notify } from '../../components/notify';
import { ConfirmDialog } from '../users/ConfirmDialog';
import { useItemMutation } from './itemsApi';

interface DeleteItemDialogProps {
  feature: Feature;
  path: string;
  item: { id: string; name: string } | null;
  opened: boolean;
  version: number;
  onClose: () => void;
}

/** Delete asks first, names the item, and puts Cancel first. */
export function DeleteItemDialog({ feature, path, item, opened, version, onClose }: DeleteItemDialogProps) {
  const { t } = useTranslation();
  const remove = useItemMutation(path, (id: string) => del<null>(`${path}/${id}`));
  const { reset } = remove;
  useEffect(() => reset(), [version, reset]);
  const name = item?.name ?? '';
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t(`features.${feature}.deleteTitle`, { name })}
      confirmLabel={t('features.actions.delete')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        item &&
        remove.mutate(item.id, {
          onSuccess: () => {
            notify(t(`features.${feature}.deleted`, { name }));
            onClose();
          },
        })
      }
    >
      <Text>{t(`features.${feature}.deleteText`)}</Text>
    </ConfirmDialog>
  );
}
