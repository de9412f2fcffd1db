import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import { ItemActions } from '../items/ItemActions';

export type RowAction = 'edit' | 'deactivate' | 'reactivate' | 'delete' | 'resend' | 'revoke';

/** Which actions a row offers: by status, and never deactivate/delete on oneself. */
export function actionsFor(member: Member, isSelf: boolean): RowAction[] {
  if (member.status === 'invited') return ['edit', 'resend', 'revoke'];
  if (isSelf) return ['edit'];
  if (member.status === 'deactivated') return ['edit', 'reactivate', 'delete'];
  return ['edit', 'deactivate', 'delete'];
}

const LABELS: Record<RowAction, string> = {
  edit: 'users.actions.edit',
  deactivate: 'users.actions.deactivate',
  reactivate: 'users.actions.reactivate',
  delete: 'users.actions.delete',
  resend: 'users.actions.resend',
  revoke: 'users.actions.revoke',
};

const DANGER = new Set<RowAction>(['deactivate', 'delete', 'revoke']);

export function RowActions({ member, isSelf, onAction }: { member: Member; isSelf: boolean; onAction: (a: RowAction) => void }) {
  const { t } = useTranslation();
  const actions = actionsFor(member, isSelf).map((action) => ({
    key: action,
    label: t(LABELS[action]),
    danger: DANGER.has(action),
    onSelect: () => onAction(action),
  }));
  return <ItemActions label={t('users.actions.label', { name: member.fullName })} actions={actions} />;
}
