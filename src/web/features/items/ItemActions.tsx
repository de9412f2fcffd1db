import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ItemAction {
  key: string;
  label: string;
  danger?: boolean;
  onSelect: () => void;
}

/** The row's "⋯" menu, named after the item so that each row's button says whose it is. */
export function ItemActions({ name, actions }: { name: string; actions: ItemAction[] }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="dark" aria-label={t('features.actions.label', { name })}>
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
