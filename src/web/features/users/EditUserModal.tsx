import { NativeSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { normalizePermissions, type Permission, type Role } from '../../../shared/permissions.js';
import { isApiError } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import type { Member } from '../../api/types';
import { required } from '../auth/validators';
import { ItemDialog } from '../items/ItemDialog';
import { accessUntilErrors, AccessUntilField, accessUntilFromDay, dayFromAccessUntil } from './AccessUntilField';
import { PermissionsField } from './PermissionsField';
import { RoleField } from './RoleField';
import { UserForm } from './UserForm';
import { useEditUser, type EditUserInput } from './usersApi';
import { notify } from '../../components/notify';

interface Values {
  fullName: string;
  role: Role;
  permissions: Permission[];
  status: 'active' | 'deactivated';
  /** YYYY-MM-DD or empty */
  accessUntil: string;
}

function valuesOf(member: Member): Values {
  return {
    fullName: member.fullName,
    role: member.role,
    permissions: normalizePermissions(member.permissions),
    status: member.status === 'deactivated' ? 'deactivated' : 'active',
    accessUntil: dayFromAccessUntil(member.accessUntil),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed goes to the server. */
function changesOf(member: Member, before: Values, after: Values): EditUserInput {
  const changes: EditUserInput = {};
  if (after.fullName.trim() !== before.fullName) changes.fullName = after.fullName.trim();
  if (after.role !== before.role) changes.role = after.role;
  if (after.role === 'TenantUser' && !sameSet(after.permissions, before.permissions)) changes.permissions = after.permissions;
  if (member.status !== 'invited' && after.status !== before.status) changes.status = after.status;
  if (after.accessUntil !== before.accessUntil) changes.accessUntil = accessUntilFromDay(after.accessUntil);
  return changes;
}

interface EditUserModalProps {
  member: Member | null;
  /** The signed-in person's own row: their role and status are not theirs to change. */
  isSelf: boolean;
  opened: boolean;
  version: number;
  onClose: () => void;
}

/** Edit user: name, role, permissions and (except for invited people) status. */
export function EditUserModal({ member, isSelf, opened, version, onClose }: EditUserModalProps) {
  const { t } = useTranslation();
  return (
    <ItemDialog opened={opened} version={version} onClose={onClose} title={t('users.edit.title')}>
      {member && <EditUserForm member={member} isSelf={isSelf} onClose={onClose} />}
    </ItemDialog>
  );
}

function EditUserForm({ member, isSelf, onClose }: { member: Member; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const editUser = useEditUser();
  const initial = valuesOf(member);
  const form = useForm<Values>({ initialValues: initial, validate: { fullName: required(t) } });

  const submit = (values: Values) => {
    const changes = changesOf(member, initial, values);
    if (Object.keys(changes).length === 0) return onClose();
    editUser.mutate(
      { id: member.id, changes },
      {
        onSuccess: () => {
          notify(t('users.edit.saved', { name: values.fullName.trim() }));
          onClose();
        },
        onError: (error) => form.setErrors(accessUntilErrors(t, fieldErrors(t, error))),
      },
    );
  };

  const error = editUser.error;
  const onField = isApiError(error) && Object.keys(error.fields).length > 0;

  return (
    <UserForm
      onSubmit={form.onSubmit(submit)}
      error={error}
      errorOnFields={onField}
      onCancel={onClose}
      pending={editUser.isPending}
    >
      <Text size="sm">
        {t('fields.email')}: <strong dir="ltr">{member.email}</strong>
      </Text>
      <TextInput label={t('fields.fullName')} required data-autofocus {...form.getInputProps('fullName')} />
      <RoleField
        value={form.values.role}
        onChange={(role) => form.setFieldValue('role', role)}
        disabled={isSelf}
        description={isSelf ? t('users.edit.selfRole') : undefined}
      />
      {form.values.role === 'TenantUser' && (
        <PermissionsField
          value={form.values.permissions}
          onChange={(p) => form.setFieldValue('permissions', p)}
          error={form.errors.permissions as string | undefined}
        />
      )}
      {member.status !== 'invited' && (
        <NativeSelect
          label={t('users.form.status')}
          data={[
            { value: 'active', label: t('users.status.active') },
            { value: 'deactivated', label: t('users.status.deactivated') },
          ]}
          {...form.getInputProps('status')}
        />
      )}
      <AccessUntilField
        value={form.values.accessUntil}
        onChange={(day) => form.setFieldValue('accessUntil', day)}
        error={form.errors.accessUntil as string | undefined}
      />
    </UserForm>
  );
}
