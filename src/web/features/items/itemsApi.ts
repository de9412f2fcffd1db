import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, withQuery } from '../../api/client';
import type { ItemFilters, ItemPage, MemberOption, OwnedItem } from './types';

const PAGE_SIZE = 25;

/** Everything cached about one feature's items, e.g. ['items', '/api/contacts']. */
export const itemsKey = (path: string) => ['items', path] as const;

/** One feature's items, newest first, a page at a time ("Load more"). */
export function useItemList<T extends OwnedItem>(path: string, filters: ItemFilters) {
  return useInfiniteQuery({
    queryKey: [...itemsKey(path), 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<ItemPage<T>>(
        withQuery(path, { search: filters.search.trim(), ownerId: filters.ownerId, limit: PAGE_SIZE, cursor: pageParam }),
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** The active members of the company, whom an item can be given to (readable by every member). */
export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => get<{ items: MemberOption[] }>('/api/members'),
    select: (data) => data.items,
  });
}

/** A change to one feature's items; the list is fetched again whatever the outcome. */
export function useItemMutation<TInput, TResult>(path: string, fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: itemsKey(path) }),
  });
}

export const useChangeOwner = (path: string) =>
  useItemMutation(path, ({ id, ownerId }: { id: string; ownerId: string }) => patch<OwnedItem>(`${path}/${id}`, { ownerId }));
