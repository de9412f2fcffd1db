import { ActionIcon, Menu } from '@mantine/core';

export interface ItemAction {
  key: string;
  label: string;
  danger?: boolean;
  onSelect: () => void;
}

/** The row's "⋯" menu; `label` names the row's item, so that each row's button says whose it is. */
export function ItemActions({ label, actions }: { label: string; actions: ItemAction[] }) {
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="dark" aria-label={label}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="5" cy="12" r="2" fill="currentColor" />
            <circle cx="12" cy="12" r="2" fill="currentColor" />
            <circle cx="19" cy="12" r="2" fill="currentColor" />
          </svg>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item key={action.key} color={action.danger ? 'red.9' : undefined} onClick={action.onSelect}>
            {action.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
