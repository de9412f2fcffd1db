import type { Plan } from '../../../shared/plans.js';

/**
 * Where a plan change is paid for. A hosted deployment plugs in a payment provider here; the
 * built-in provider (self-hosted) approves every change at once without charging anyone.
 */
export interface BillingProvider {
  readonly name: string;
  /** Resolves when the provider accepts the change; throws to refuse it. */
  changePlan(input: { companyId: string; from: Plan; to: Plan }): Promise<void>;
}

export const builtInBillingProvider: BillingProvider = {
  name: 'built-in',
  async changePlan() {
    // Self-hosted: no payment step.
  },
};
