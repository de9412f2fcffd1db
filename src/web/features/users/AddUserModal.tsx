import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Permission, Role } from '../../../shared/permissions.js';
import { isApiError } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { useLanguage } from '../../i18n/useLanguage';
import { required, validEmail } from '../auth/validators';
import { ItemDialog } from '../items/ItemDialog';
import { accessUntilErrors, AccessUntilField, accessUntilFromDay } from './AccessUntilField';
import { PermissionsField } from './PermissionsField';
import { RoleField } from './RoleField';
import { UserForm } from './UserForm';
import { useAddUser } from './usersApi';
import { notify } from '../../components/notify';

interface Values {
  fullName: string;
  email: string;
  role: Role;
  permissions: Permission[];
  /** YYYY-MM-DD or empty */
  accessUntil: string;
}

const EMPTY: Values = { fullName: '', email: '', role: 'TenantUser', permissions: [], accessUntil: '' };

/** Add User: sends an invitation; the new member shows as Invited. */
export function AddUserModal({ opened, version, onClose }: { opened: boolean; version: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ItemDialog opened={opened} version={version} onClose={onClose} title={t('users.add.title')}>
      <AddUserForm onClose={onClose} />
    </ItemDialog>
  );
}

function AddUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const addUser = useAddUser();
  const form = useForm<Values>({ initialValues: EMPTY, validate: { fullName: required(t), email: validEmail(t) } });

  const submit = (values: Values) =>
    addUser.mutate(
      {
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        role: values.role,
        permissions: values.role === 'TenantUser' ? values.permissions : [],
        locale,
        accessUntil: accessUntilFromDay(values.accessUntil) ?? undefined,
      },
      {
        onSuccess: (member) => {
          notify(t('users.add.sent', { email: member.email }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'ALREADY_MEMBER')) form.setFieldError('email', t('errors.ALREADY_MEMBER'));
          else form.setErrors(accessUntilErrors(t, fieldErrors(t, error)));
        },
      },
    );

  const error = addUser.error;
  const onField = isApiError(error) && (error.code === 'ALREADY_MEMBER' || Object.keys(error.fields).length > 0);

  return (
    <UserForm
      onSubmit={form.onSubmit(submit)}
      error={error}
      errorOnFields={onField}
      onCancel={onClose}
      pending={addUser.isPending}
    >
      <TextInput label={t('fields.fullName')} required data-autofocus {...form.getInputProps('fullName')} />
      <TextInput label={t('fields.email')} type="email" required {...form.getInputProps('email')} />
      <RoleField
        value={form.values.role}
        onChange={(role) => form.setFieldValue('role', role)}
        error={form.errors.role as string}
      />
      {form.values.role === 'TenantUser' && (
        <PermissionsField
          value={form.values.permissions}
          onChange={(p) => form.setFieldValue('permissions', p)}
          error={form.errors.permissions as string | undefined}
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
