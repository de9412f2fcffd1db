import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { get, isApiError, post } from '../../api/client';
import { ME_KEY } from '../../api/queryClient';
import type { Me } from '../../api/types';

async function fetchMe(): Promise<Me | null> {
  try {
    return await get<Me>('/api/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** `null` when signed out; GET /api/me drives everything that depends on who is signed in. */
export function useMe() {
  // Polled so that a role or permission change shows in the navigation without a reload.
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 30_000, refetchInterval: 60_000 });
}

/** The signed-in person, inside the shell (never null there). */
export const MeContext = createContext<Me | null>(null);
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentMe outside the signed-in shell');
  return me;
}

/** Puts a fresh `me` in place and drops everything fetched for the previous person or company. */
export function useAdoptMe() {
  const queryClient = useQueryClient();
  return (me: Me | null) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, me);
  };
}

export function useLogout() {
  const adopt = useAdoptMe();
  return useMutation({
    mutationFn: () => post<null>('/api/auth/logout'),
    onSettled: () => adopt(null),
  });
}

export function useSwitchCompany() {
  const adopt = useAdoptMe();
  return useMutation({
    mutationFn: (companyId: string) => post<Me>('/api/auth/switch-company', { companyId }),
    onSuccess: (me) => adopt(me),
  });
}
