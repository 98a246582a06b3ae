import type { Projection } from '../../runner/projection';
import { billingItemsProjection } from './billing-items.projection';
import { contractBalancesProjection } from './contract-balances.projection';
import { unbilledDashboardProjection } from './unbilled-dashboard.projection';
import { workItemsProjection } from './work-items.projection';

export * from './billing-items.query';
export * from './contract-balances.query';
export * from './items-to-invoice.query';
export * from './unbilled-dashboard.query';
export * from './work-items.query';
export type { Coverage, DashboardStage } from './dashboard-values';

/** Read models of work items, posting and balances. */
export const LEDGER_PROJECTIONS: readonly Projection[] = [workItemsProjection, billingItemsProjection, unbilledDashboardProjection, contractBalancesProjection];
