import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMembers } from './itemsApi';
import type { ItemFilters } from './types';

/** Search (what the feature searches is in the label's words) and the owner filter. */
export function ItemsFilters({
  searchLabel,
  filters,
  onChange,
}: {
  searchLabel: string;
  filters: ItemFilters;
  onChange: (next: ItemFilters) => void;
}) {
  const { t } = useTranslation();
  const members = useMembers();
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap">
      <TextInput
        type="search"
        label={searchLabel}
        value={filters.search}
        onChange={(e) => onChange({ ...filters, search: e.currentTarget.value })}
        w={{ base: '100%', sm: 320 }}
      />
      <NativeSelect
        label={t('features.owner.filter')}
        value={filters.ownerId}
        onChange={(e) => onChange({ ...filters, ownerId: e.currentTarget.value })}
        data={[
          { value: '', label: t('features.owner.all') },
          ...(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName })),
        ]}
        w={{ base: '100%', xs: 240 }}
      />
    </Group>
  );
}
