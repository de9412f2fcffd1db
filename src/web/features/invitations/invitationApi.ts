import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import { ME_KEY } from '../../api/queryClient';
import type { Invitation, Me } from '../../api/types';

export type InvalidReason = 'expired' | 'revoked' | 'replaced' | 'used' | 'unknown';
export const INVALID_REASONS: readonly InvalidReason[] = ['expired', 'revoked', 'replaced', 'used', 'unknown'];

export function useInvitation(token: string | null) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => get<Invitation>(`/api/invitations/${encodeURIComponent(token!)}`),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
}

/** Accepting signs the person in to the company: whatever was cached for anyone before goes. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fullName?: string; password?: string }) =>
      post<Me | null>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: async (result) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      if (result && typeof result === 'object' && 'user' in result) queryClient.setQueryData(ME_KEY, result);
      else await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
