import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessReview, BulkDeactivateResult } from '../../../shared/review.js';
import { get, post } from '../../api/client';
import { BILLING_KEY } from '../billing/billingApi';
import { USERS_KEY } from '../users/usersApi';

const REVIEW_KEY = ['access-review'] as const;

export function useAccessReview() {
  return useQuery({ queryKey: REVIEW_KEY, queryFn: () => get<AccessReview>('/api/access-review'), staleTime: 0 });
}

/** Deactivates several members at once; each id is judged on its own and answered on its own. */
export function useBulkDeactivate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => post<BulkDeactivateResult>('/api/users/bulk-deactivate', { ids }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: REVIEW_KEY }),
        queryClient.invalidateQueries({ queryKey: USERS_KEY }),
        queryClient.invalidateQueries({ queryKey: BILLING_KEY }),
      ]);
    },
  });
}
