import type { Projection } from '../../runner/projection';
import { billingItemsProjection } from './billing-items.read-model';
import { contractBalancesProjection } from './contract-balances.read-model';
import { unbilledDashboardProjection } from './unbilled-dashboard.read-model';
import { workItemsProjection } from './work-items.read-model';

export * from './billing-items.read-model';
export * from './contract-balances.read-model';
export * from './unbilled-dashboard.read-model';
export * from './work-items.read-model';

/** Read models of work items, posting and balances. */
export const LEDGER_PROJECTIONS: readonly Projection[] = [workItemsProjection, billingItemsProjection, unbilledDashboardProjection, contractBalancesProjection];
