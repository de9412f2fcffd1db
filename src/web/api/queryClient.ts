import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

export const ME_KEY = ['me'] as const;

/** A session that ended (deactivated, deleted, logged out elsewhere) sends the person to log in;
 * a role or permission change shows at once because `me` is fetched again. */
function onAnyError(error: unknown): void {
  if (!isApiError(error)) return;
  if (error.status === 401) {
    queryClient.setQueryData(ME_KEY, null);
    return;
  }
  if (['COMPANY_ADMIN_REQUIRED', 'PERMISSION_REQUIRED', 'NO_ACTIVE_MEMBERSHIP'].includes(error.code)) {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => !isApiError(error) || (error.status >= 500 && count < 2),
    },
    mutations: { retry: false },
  },
});
