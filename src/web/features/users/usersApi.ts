import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission, Role } from '../../../shared/permissions.js';
import type { Locale } from '../../../shared/api.js';
import { del, get, patch, post, withQuery } from '../../api/client';
import { ME_KEY } from '../../api/queryClient';
import type { Member, MemberListResponse, OwnedItemCounts } from '../../api/types';

export const USERS_KEY = ['users'] as const;
const PAGE_SIZE = 25;

export interface UserFilters {
  search: string;
  role: Role | '';
  status: 'invited' | 'active' | 'deactivated' | '';
}

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<MemberListResponse>(
        withQuery('/api/users', {
          search: filters.search.trim(),
          role: filters.role,
          status: filters.status,
          limit: PAGE_SIZE,
          cursor: pageParam,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** Active members, e.g. to reassign a deleted user's items to. */
export function useActiveMembers(enabled: boolean) {
  return useQuery({
    queryKey: [...USERS_KEY, 'active'],
    queryFn: () => get<MemberListResponse>(withQuery('/api/users', { status: 'active', limit: 100 })),
    select: (data) => data.items,
    enabled,
  });
}

export function useOwnedItems(id: string | null) {
  return useQuery({
    queryKey: [...USERS_KEY, 'items', id],
    queryFn: () => get<OwnedItemCounts>(`/api/users/${id}/items`),
    enabled: id !== null,
    staleTime: 0,
  });
}

export interface AddUserInput {
  fullName: string;
  email: string;
  role: Role;
  permissions: Permission[];
  locale: Locale;
  /** End of the last day of access (ISO); absent for no limit. */
  accessUntil?: string;
}

export interface EditUserInput {
  fullName?: string;
  role?: Role;
  permissions?: Permission[];
  status?: 'active' | 'deactivated';
  /** ISO instant; null removes the limit. */
  accessUntil?: string | null;
}

/** Every change to members refreshes the list (and seat-dependent views). */
function useUsersMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: USERS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['billing'] }),
        // Your own name shows in the header.
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
      ]);
    },
  });
}

export const useAddUser = () => useUsersMutation((input: AddUserInput) => post<Member>('/api/users', input));

export const useEditUser = () =>
  useUsersMutation(({ id, changes }: { id: string; changes: EditUserInput }) => patch<Member>(`/api/users/${id}`, changes));

/** An invited member's delete revokes the invitation. The body goes only when reassigning. */
export const useDeleteUser = () =>
  useUsersMutation(({ id, reassignTo }: { id: string; reassignTo?: string }) =>
    del<null>(`/api/users/${id}`, reassignTo ? { reassignTo } : undefined),
  );

export const useResendInvitation = () => useUsersMutation((id: string) => post<unknown>(`/api/users/${id}/invitation`));
