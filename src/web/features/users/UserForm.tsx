import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ItemForm } from '../items/ItemForm';
import { UserLimitAlert } from './UserLimitAlert';

interface UserFormProps {
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  /** The server's last refusal. */
  error: unknown;
  /** The refusal is shown beside the fields, so not again in the alert. */
  errorOnFields: boolean;
  onCancel: () => void;
  pending: boolean;
  children: ReactNode;
}

/** Add/Edit user: the refusal first (a full plan leads to Billing), the fields, then Cancel and Save. */
export function UserForm({ onSubmit, error, errorOnFields, onCancel, pending, children }: UserFormProps) {
  const { t } = useTranslation();
  const limitReached = isApiError(error, 'USER_LIMIT_REACHED');
  return (
    <ItemForm
      onSubmit={onSubmit}
      alert={!limitReached && error && !errorOnFields ? errorMessage(t, error) : null}
      onCancel={onCancel}
      pending={pending}
    >
      {limitReached && <UserLimitAlert error={error} onNavigate={onCancel} />}
      {children}
    </ItemForm>
  );
}
