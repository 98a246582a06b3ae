import type { PendingRecurringItem } from '../rating/rating-inputs';
import { dec } from '../shared/decimal';
import type { ExistingContract } from './contract.events';

/**
 * An item accrual created, as Approve & Post rates it (billing-rules §7): priced as accrued, dated
 * on its period's first day (an adjustment: the first day it adjusts; a setup fee: the contract's
 * start), how its line reads, and the service whose billing code gives its tax category (none
 * for a setup fee). Undefined when the contract has no such item.
 */
export function recurringItemToPost(
  contract: ExistingContract,
  itemId: string,
): { pending: PendingRecurringItem; description: string; serviceId: string | null } | undefined {
  const item = contract.recurring.items.find((i) => i.data.itemId === itemId);
  if (!item) return undefined;
  const contractId = contract.terms.contractId;
  const nameOf = (serviceId: string) => contract.services.find((s) => s.serviceId === serviceId)?.name ?? serviceId;
  switch (item.kind) {
    case 'SERVICE_PERIOD': {
      const p = item.data;
      return {
        pending: {
          kind: 'SERVICE_PERIOD',
          id: itemId,
          contractId,
          itemDate: p.periodStart,
          quantity: p.units,
          rate: p.unitPrice,
          amount: p.amount,
          cost: p.cost,
        },
        description: `${nameOf(p.serviceId)}: ${p.units} × ${p.unitPrice}, ${p.periodStart} to ${p.periodEnd}`,
        serviceId: p.serviceId,
      };
    }
    case 'SERVICE_ADJUSTMENT': {
      const a = item.data;
      const delta = dec(a.unitDelta);
      return {
        pending: {
          kind: 'SERVICE_ADJUSTMENT',
          id: itemId,
          contractId,
          itemDate: a.fromDate,
          quantity: a.unitDelta,
          rate: a.unitPrice,
          amount: a.amount,
          cost: a.cost,
        },
        description: `${nameOf(a.serviceId)}: ${delta.isNegative() ? '' : '+'}${a.unitDelta} units × ${a.unitPrice} from ${a.fromDate} to ${a.periodEnd} (${a.daysRemaining} of ${a.daysInPeriod} days)`,
        serviceId: a.serviceId,
      };
    }
    case 'SETUP_FEE': {
      const f = item.data;
      return {
        pending: { kind: 'SETUP_FEE', id: itemId, contractId, itemDate: f.date, quantity: '1', rate: f.amount, amount: f.amount, cost: '0' },
        description: 'Setup fee',
        serviceId: null,
      };
    }
    default: {
      const unknown: never = item;
      throw new Error(`unknown accrued item ${JSON.stringify(unknown)}`);
    }
  }
}
