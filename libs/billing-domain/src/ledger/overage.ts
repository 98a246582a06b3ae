import type { BillingItemData } from './ledger.events';

/**
 * Whether a posted item is overage on its contract's balance (billing-rules §6): the part of a
 * prepaid entry beyond what the balance covered, labour billed at the overage rate, or a ticket
 * no purchase covered. The contract-balances read model and the audit's as-of balance both count
 * by it, so their answers agree.
 */
export const isOverage = (item: Pick<BillingItemData, 'type' | 'part' | 'covered'>): boolean =>
  item.part === 'OVERAGE' || item.type === 'LABOR_OVERAGE' || (item.type === 'TICKET' && !item.covered);
