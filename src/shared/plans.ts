export const PLANS = ['free', 'starter', 'growth', 'business', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** Seat limit per plan; `null` means unlimited. */
export const PLAN_SEATS: Readonly<Record<Plan, number | null>> = {
  free: 3,
  starter: 10,
  growth: 25,
  business: 100,
  enterprise: null,
};

export function seatLimit(plan: Plan): number | null {
  return PLAN_SEATS[plan];
}
