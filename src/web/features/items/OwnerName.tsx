import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ItemOwner } from './types';

/** "Name", or "Name (deactivated)" / "Name (removed)": the item stays, and says whose it was. */
export function ownerLabel(t: (key: string) => string, owner: ItemOwner): string {
  return owner.status === 'active' ? owner.fullName : `${owner.fullName} ${t(`features.owner.${owner.status}`)}`;
}

export function OwnerName({ owner }: { owner: ItemOwner }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm">
      <bdi>{owner.fullName}</bdi>
      {owner.status !== 'active' && (
        <Text span size="sm" c="dimmed" ms={4}>
          {t(`features.owner.${owner.status}`)}
        </Text>
      )}
    </Text>
  );
}
