import { Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FEATURES, isPermission, type Feature } from '../../../shared/permissions.js';
import { isApiError } from '../../api/client';
import { ListFooter } from '../../components/ListFooter';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useDialog } from '../../components/useDialog';
import { ChangeOwnerDialog } from './ChangeOwnerDialog';
import { DeleteItemDialog } from './DeleteItemDialog';
import { FeatureNoAccess } from './FeatureNoAccess';
import type { ItemAction } from './ItemActions';
import { ItemsFilters } from './ItemsFilters';
import { ItemsTable, type Column } from './ItemsTable';
import { useItemList } from './itemsApi';
import type { ItemFilters, OwnedItem } from './types';
import { useFeatureAccess } from './useFeatureAccess';

export interface ItemsPageProps<T extends OwnedItem> {
  feature: Feature;
  /** The feature's API, e.g. `/api/contacts`. */
  path: string;
  columns: Column<T>[];
  nameOf: (item: T) => string;
  /** The feature's own row actions (edit, send, ...); "Change owner" and "Delete" follow them. */
  actionsFor: (item: T) => ItemAction[];
  onAdd: () => void;
  ownerNote?: (item: T) => ReactNode;
  /** The feature's own dialogs. */
  children?: ReactNode;
}

/**
 * A feature's page: its items with their owners, search, owner filter and "Load more". Someone
 * who may only look sees no add button and no row actions; someone who may not look (or whose
 * permission was just taken away) sees which permission it needs and whom to ask.
 */
export function ItemsPage<T extends OwnedItem>(props: ItemsPageProps<T>) {
  const access = useFeatureAccess(props.feature);
  if (!access.canView) return <FeatureNoAccess feature={props.feature} permission={access.view} />;
  return <ItemsList {...props} canAct={access.canAct} />;
}

const NO_FILTERS: ItemFilters = { search: '', ownerId: '' };

function ItemsList<T extends OwnedItem>({
  feature,
  path,
  columns,
  nameOf,
  actionsFor,
  onAdd,
  ownerNote,
  children,
  canAct,
}: ItemsPageProps<T> & { canAct: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ItemFilters>(NO_FILTERS);
  const [search] = useDebouncedValue(filters.search, 300);
  const list = useItemList<T>(path, { ...filters, search });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const remove = useDialog<T>();
  const reassign = useDialog<T>();
  const text = (key: string, options?: Record<string, unknown>) => t(`features.${feature}.${key}`, options);

  // The server refused to show the list: the permission went away since `me` was fetched.
  const refused = isApiError(list.error, 'PERMISSION_REQUIRED') ? list.error : null;
  if (refused) {
    const named = refused.details.permission;
    const permission = typeof named === 'string' && isPermission(named) ? named : FEATURES[feature].view;
    return <FeatureNoAccess feature={feature} permission={permission} />;
  }

  const rowActions = (item: T): ItemAction[] => [
    ...actionsFor(item),
    { key: 'owner', label: t('features.actions.changeOwner'), onSelect: () => reassign.open(item) },
    { key: 'delete', label: t('features.actions.delete'), danger: true, onSelect: () => remove.open(item) },
  ];
  const filtered = Boolean(search.trim() || filters.ownerId);

  return (
    <>
      <PageHeader
        title={text('name')}
        description={text('description')}
        actions={canAct ? <Button onClick={onAdd}>{text('add')}</Button> : undefined}
      />
      <ItemsFilters searchLabel={text('search')} filters={filters} onChange={setFilters} />
      {list.isPending ? (
        <Stack gap="xs" role="status" aria-label={text('loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center">{filtered ? text('emptyFiltered') : canAct ? text('emptyCanAdd') : text('empty')}</Text>
        </Paper>
      ) : (
        <>
          <ItemsTable
            caption={text('caption')}
            columns={columns}
            items={items}
            nameOf={nameOf}
            ownerNote={ownerNote}
            actionsFor={canAct ? rowActions : undefined}
          />
          <ListFooter list={list} shown={text('shown', { count: items.length })} loadMore={t('features.loadMore')} />
        </>
      )}
      <DeleteItemDialog
        feature={feature}
        path={path}
        item={remove.target ? { id: remove.target.id, name: nameOf(remove.target) } : null}
        opened={remove.opened}
        version={remove.version}
        onClose={remove.close}
      />
      <ChangeOwnerDialog
        path={path}
        item={reassign.target}
        name={reassign.target ? nameOf(reassign.target) : ''}
        opened={reassign.opened}
        version={reassign.version}
        onClose={reassign.close}
      />
      {children}
    </>
  );
}
