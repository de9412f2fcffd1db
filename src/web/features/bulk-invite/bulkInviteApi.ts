import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkInviteResult } from '../../../shared/review.js';
import { post, withQuery } from '../../api/client';
import { BILLING_KEY } from '../billing/billingApi';
import { USERS_KEY } from '../users/usersApi';

const send = (csv: string, dryRun: boolean) =>
  post<BulkInviteResult>(withQuery('/api/users/bulk-invite', { dryRun: String(dryRun) }), { csv });

/** What the file would do, row by row; nothing is written. */
export const useBulkInviteCheck = () => useMutation({ mutationFn: (csv: string) => send(csv, true) });

/** Creates every invitation of the file in one request, or none of them. */
export function useBulkInviteSend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => send(csv, false),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: USERS_KEY }),
        queryClient.invalidateQueries({ queryKey: BILLING_KEY }),
        queryClient.invalidateQueries({ queryKey: ['access-review'] }),
      ]);
    },
  });
}
