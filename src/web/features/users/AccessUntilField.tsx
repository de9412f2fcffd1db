import { Button, Group, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** YYYY-MM-DD (a calendar day) → the end of that day in UTC, as the API takes it. */
export function accessUntilFromDay(day: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59.999Z` : null;
}

/** The API's instant → the calendar day the field shows (in UTC, as it was set). */
export function dayFromAccessUntil(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

/** The server refuses a day already over; say so in the field's own words. */
export function accessUntilErrors(t: TFunction, errors: Record<string, string>): Record<string, string> {
  return errors.accessUntil ? { ...errors, accessUntil: t('admin.accessUntil.past') } : errors;
}

/** Today in UTC: access may end today at the earliest. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Optional last day of access (for contractors); empty means no end. */
export function AccessUntilField({ value, onChange, error }: { value: string; onChange: (day: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" wrap="nowrap">
      <TextInput
        type="date"
        label={t('admin.accessUntil.label')}
        description={t('admin.accessUntil.hint')}
        value={value}
        min={todayUtc()}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        w={{ base: '100%', xs: 240 }}
      />
      {value && (
        <Button variant="subtle" onClick={() => onChange('')} mb={error ? 22 : 0}>
          {t('admin.accessUntil.clear')}
        </Button>
      )}
    </Group>
  );
}
