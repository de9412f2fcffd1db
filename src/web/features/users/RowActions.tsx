import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';

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
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="dark" aria-label={t('users.actions.label', { name: member.fullName })}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="5" cy="12" r="2" fill="currentColor" />
            <circle cx="12" cy="12" r="2" fill="currentColor" />
            <circle cx="19" cy="12" r="2" fill="currentColor" />
          </svg>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actionsFor(member, isSelf).map((action) => (
          <Menu.Item key={action} color={DANGER.has(action) ? 'red.9' : undefined} onClick={() => onAction(action)}>
            {t(LABELS[action])}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
