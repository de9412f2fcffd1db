import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemActions, type ItemAction } from './ItemActions';
import { OwnerName } from './OwnerName';
import type { OwnedItem } from './types';

export interface Column<T> {
  key: string;
  header: string;
  cell: (item: T) => ReactNode;
}

interface ItemsTableProps<T extends OwnedItem> {
  caption: string;
  columns: Column<T>[];
  items: T[];
  nameOf: (item: T) => string;
  /** Said beside the owner, e.g. that a workflow keeps running without its owner. */
  ownerNote?: (item: T) => ReactNode;
  /** Undefined for someone who may only look: no actions column at all. */
  actionsFor?: (item: T) => ItemAction[];
}

/** The feature's own columns, then the owner, then (for those who may act) the row's actions. */
export function ItemsTable<T extends OwnedItem>({ caption, columns, items, nameOf, ownerNote, actionsFor }: ItemsTableProps<T>) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col">
                {column.header}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('features.owner.column')}</Table.Th>
            {actionsFor && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('features.actions.column')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              {columns.map((column) => (
                <Table.Td key={column.key}>{column.cell(item)}</Table.Td>
              ))}
              <Table.Td>
                <OwnerName owner={item.owner} />
                {ownerNote?.(item)}
              </Table.Td>
              {actionsFor && (
                <Table.Td>
                  <ItemActions label={t('features.actions.label', { name: nameOf(item) })} actions={actionsFor(item)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
