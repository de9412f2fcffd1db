import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PlanInfo } from '../../../shared/api.js';
import type { Plan } from '../../../shared/plans.js';
import { get, put } from '../../api/client';
import { ME_KEY } from '../../api/queryClient';
import type { SubscriptionInfo } from '../../api/types';

export const BILLING_KEY = ['billing'] as const;
const SUBSCRIPTION_KEY = [...BILLING_KEY, 'subscription'] as const;

export type PlanOption = z.infer<typeof PlanInfo>;

/** The current plan and the seats used of its limit (also refreshed by every change to members). */
export function useSubscription() {
  return useQuery({ queryKey: SUBSCRIPTION_KEY, queryFn: () => get<SubscriptionInfo>('/api/billing/subscription') });
}

export function usePlans() {
  return useQuery({
    queryKey: [...BILLING_KEY, 'plans'],
    queryFn: () => get<{ items: PlanOption[] }>('/api/billing/plans'),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}

/** PUT the new plan; `me` carries the plan too, so it is fetched again. */
export function useChangePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: Plan) => put<SubscriptionInfo>('/api/billing/subscription', { plan }),
    onSuccess: (subscription) => queryClient.setQueryData(SUBSCRIPTION_KEY, subscription),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: BILLING_KEY }),
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
      ]);
    },
  });
}
