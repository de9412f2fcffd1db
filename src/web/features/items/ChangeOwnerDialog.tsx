import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { notify } from '../../components/notify';
import { useChangeOwner, useMembers } from './itemsApi';
import { OwnerName } from './OwnerName';
import { OwnerSelect } from './OwnerSelect';
import type { OwnedItem } from './types';

interface ChangeOwnerDialogProps {
  path: string;
  item: OwnedItem | null;
  name: string;
  opened: boolean;
  version: number;
  onClose: () => void;
}

/** Gives the item to another active member (also for items whose content can no longer change). */
export function ChangeOwnerDialog({ path, item, name, opened, version, onClose }: ChangeOwnerDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('features.owner.changeTitle', { name })}>
      {item && <ChangeOwnerForm key={version} path={path} item={item} name={name} onClose={onClose} />}
    </AppModal>
  );
}

function ChangeOwnerForm({ path, item, name, onClose }: { path: string; item: OwnedItem; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeOwner(path);
  const members = useMembers();
  const [ownerId, setOwnerId] = useState(item.ownerId);
  const chosen = members.data?.find((m) => m.id === ownerId);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (ownerId === item.ownerId) return onClose();
    change.mutate(
      { id: item.id, ownerId },
      {
        onSuccess: () => {
          notify(t('features.owner.changed', { name, owner: chosen?.fullName ?? '' }));
          onClose();
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <FormAlert>{change.error ? errorMessage(t, change.error) : null}</FormAlert>
        <Text size="sm" component="div">
          {t('features.owner.now')} <OwnerName owner={item.owner} />
        </Text>
        <OwnerSelect value={ownerId} onChange={setOwnerId} current={item.owner} autoFocus />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
