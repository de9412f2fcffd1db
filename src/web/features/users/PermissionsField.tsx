import { Checkbox, Fieldset, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FEATURES, FEATURE_KEYS, IMPLIES, normalizePermissions, type Permission } from '../../../shared/permissions.js';

/** Permissions that another ticked permission already includes (ticked and locked). */
function impliedBy(selected: readonly Permission[]): Set<Permission> {
  return new Set(selected.map((p) => IMPLIES[p]).filter((p): p is Permission => p !== undefined));
}

/** The catalog as checkboxes, one row per feature. Ticking manage/send ticks and locks view. */
export function PermissionsField({
  value,
  onChange,
  error,
}: {
  value: Permission[];
  onChange: (next: Permission[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locked = impliedBy(value);
  const toggle = (permission: Permission, checked: boolean) =>
    onChange(normalizePermissions(checked ? [...value, permission] : value.filter((p) => p !== permission)));

  return (
    <Fieldset
      legend={t('users.form.permissions')}
      variant="unstyled"
      styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      <Text size="xs" c="dimmed" mb="xs">
        {t('users.form.permissionsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
        {FEATURE_KEYS.flatMap((feature) =>
          [FEATURES[feature].view, FEATURES[feature].act].map((permission) => (
            <Checkbox
              key={permission}
              label={t(`permissions.${permission}`)}
              checked={value.includes(permission) || locked.has(permission)}
              disabled={locked.has(permission)}
              onChange={(event) => toggle(permission, event.currentTarget.checked)}
            />
          )),
        )}
      </SimpleGrid>
      {error && (
        <Text size="sm" c="red.9" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
