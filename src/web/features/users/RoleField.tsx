import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/permissions.js';

/** CompanyAdmin / TenantUser, each with what it means. Role names are product words: untranslated. */
export function RoleField({
  value,
  onChange,
  error,
  description,
  disabled = false,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string;
  description?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('users.form.role')}
      value={value}
      onChange={(v) => onChange(v as Role)}
      error={error}
      description={description}
      required
    >
      <Stack gap="xs" mt="xs">
        {ROLES.map((role) => (
          <Radio key={role} value={role} label={role} description={t(`roles.${role}`)} disabled={disabled} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
