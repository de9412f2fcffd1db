import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit.js';
import type { Member } from '../../api/types';
import { NO_FILTERS, type AuditFilters } from './auditApi';

interface AuditFiltersBarProps {
  filters: AuditFilters;
  people: Member[];
  onChange: (patch: Partial<AuditFilters>) => void;
}

/** Action, actor, target and a date range; every change reloads the list and the export link. */
export function AuditFiltersBar({ filters, people, onChange }: AuditFiltersBarProps) {
  const { t } = useTranslation();
  const personOptions = (anyLabel: string, selected: string) => {
    const options = people.map((p) => ({
      value: p.id,
      label: p.status === 'removed' ? t('users.removedName', { name: p.fullName }) : `${p.fullName} (${p.email})`,
    }));
    // A person chosen from a shared link may be outside the first page of members.
    if (selected && !options.some((o) => o.value === selected)) options.unshift({ value: selected, label: selected });
    return [{ value: '', label: anyLabel }, ...options];
  };
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`admin.audit.actions.${a}`) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  const filtered = Object.values(filters).some(Boolean);
  const width = { base: '100%', xs: 220 };

  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap" role="group" aria-label={t('admin.audit.filters.label')}>
      <NativeSelect
        label={t('admin.audit.filters.action')}
        value={filters.action}
        onChange={(e) => onChange({ action: e.currentTarget.value as AuditAction | '' })}
        data={[{ value: '', label: t('admin.audit.filters.anyAction') }, ...actions]}
        w={width}
      />
      <NativeSelect
        label={t('admin.audit.filters.actor')}
        value={filters.actorId}
        onChange={(e) => onChange({ actorId: e.currentTarget.value })}
        data={personOptions(t('admin.audit.filters.anyone'), filters.actorId)}
        w={width}
      />
      <NativeSelect
        label={t('admin.audit.filters.target')}
        value={filters.targetId}
        onChange={(e) => onChange({ targetId: e.currentTarget.value })}
        data={personOptions(t('admin.audit.filters.anyone'), filters.targetId)}
        w={width}
      />
      <TextInput
        type="date"
        label={t('admin.audit.filters.from')}
        value={filters.from}
        max={filters.to || undefined}
        onChange={(e) => onChange({ from: e.currentTarget.value })}
        w={{ base: '100%', xs: 170 }}
      />
      <TextInput
        type="date"
        label={t('admin.audit.filters.to')}
        value={filters.to}
        min={filters.from || undefined}
        onChange={(e) => onChange({ to: e.currentTarget.value })}
        w={{ base: '100%', xs: 170 }}
      />
      {filtered && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          {t('admin.audit.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
