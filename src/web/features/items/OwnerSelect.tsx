import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMembers } from './itemsApi';
import { ownerLabel } from './OwnerName';
import type { ItemOwner } from './types';

interface OwnerSelectProps {
  value: string;
  onChange: (ownerId: string) => void;
  /** The item's owner now: kept as a choice even when no longer active. */
  current?: ItemOwner;
  error?: string;
  description?: string;
  autoFocus?: boolean;
}

/** The owner of an item: any active member of the company. */
export function OwnerSelect({ value, onChange, current, error, description, autoFocus = false }: OwnerSelectProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const options = (members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: ownerLabel(t, current) });
  }
  // Until the list arrives, the chosen owner still shows (and stays the value).
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t('features.owner.loading') });
  return (
    <NativeSelect
      label={t('features.owner.label')}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={options}
      error={error ?? (members.isError ? t('features.owner.loadFailed') : undefined)}
      disabled={members.isPending}
      data-autofocus={autoFocus || undefined}
    />
  );
}
