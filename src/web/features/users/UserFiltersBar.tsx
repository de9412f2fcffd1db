import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/permissions.js';
import type { UserFilters } from './usersApi';

const STATUSES = ['invited', 'active', 'deactivated'] as const;

export function UserFiltersBar({
  search,
  onSearch,
  filters,
  onFilters,
}: {
  search: string;
  onSearch: (value: string) => void;
  filters: UserFilters;
  onFilters: (next: UserFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap">
      <TextInput
        type="search"
        label={t('users.filters.search')}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={{ base: '100%', sm: 320 }}
      />
      <NativeSelect
        label={t('users.filters.role')}
        value={filters.role}
        onChange={(e) => onFilters({ ...filters, role: e.currentTarget.value as UserFilters['role'] })}
        data={[{ value: '', label: t('users.filters.allRoles') }, ...ROLES.map((r) => ({ value: r, label: r }))]}
        w={{ base: '100%', xs: 200 }}
      />
      <NativeSelect
        label={t('users.filters.status')}
        value={filters.status}
        onChange={(e) => onFilters({ ...filters, status: e.currentTarget.value as UserFilters['status'] })}
        data={[
          { value: '', label: t('users.filters.allStatuses') },
          ...STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) })),
        ]}
        w={{ base: '100%', xs: 200 }}
      />
    </Group>
  );
}
