import type { Dec } from '../shared/decimal';
import { decimalString } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import type { BalanceDraw, BalanceKind } from './posted-item-draft';
import { decimalOf, isoDateOf } from './rating-decimals';
import type { ContractRatingSnapshot } from './rating-inputs';
import { compareStrings, type DrawablePurchase, type QuantityDraw } from './prepaid-balance';

interface BalanceAccount extends DrawablePurchase {
  contractId: string;
  kind: BalanceKind;
  before: Dec;
}

/**
 * The remaining balances of every purchase, as the batch draws on them. Private to one call of
 * `ratePostingBatch`: the snapshot it was opened from is never touched.
 */
export interface BalanceBook {
  purchases(contractId: string, kind: BalanceKind): DrawablePurchase[];
  draw(kind: BalanceKind, draws: readonly QuantityDraw[]): void;
  totals(): BalanceDraw[];
}

export function openBalanceBook(contracts: readonly ContractRatingSnapshot[]): BalanceBook {
  const accounts = new Map<string, BalanceAccount>();
  const open = (contractId: string, kind: BalanceKind, p: DrawablePurchase & { remaining: Dec }) => {
    if (accounts.has(p.id)) throw new RuleViolation('duplicate-purchase', `purchase ${p.id} appears twice in the catalog`);
    if (p.remaining.isNegative() && !p.remaining.isZero()) {
      throw new RuleViolation('negative-balance', `purchase ${p.id} has a negative remaining balance`);
    }
    isoDateOf(p.startDate, `purchase ${p.id} startDate`);
    isoDateOf(p.endDate, `purchase ${p.id} endDate`);
    accounts.set(p.id, { ...p, contractId, kind, before: p.remaining });
  };
  for (const contract of contracts) {
    for (const b of contract.blockPurchases ?? []) {
      open(contract.id, 'hours', { ...b, remaining: decimalOf(b.remaining, `block ${b.id} remaining`) });
    }
    for (const r of contract.retainerPurchases ?? []) {
      open(contract.id, 'money', { ...r, remaining: decimalOf(r.remaining, `retainer purchase ${r.id} remaining`) });
    }
    for (const t of contract.ticketPurchases ?? []) {
      if (!Number.isInteger(t.remaining)) throw new RuleViolation('ticket-count', `ticket purchase ${t.id} remaining must be a whole number`);
      open(contract.id, 'tickets', { ...t, remaining: decimalOf(String(t.remaining), `ticket purchase ${t.id} remaining`) });
    }
  }

  return {
    purchases(contractId, kind) {
      return [...accounts.values()]
        .filter((a) => a.contractId === contractId && a.kind === kind)
        .map(({ id, startDate, endDate, active, sequence, remaining }) => ({ id, startDate, endDate, active, sequence, remaining }));
    },
    draw(kind, draws) {
      for (const d of draws) {
        const account = accounts.get(d.purchaseId);
        if (account === undefined || account.kind !== kind) throw new RuleViolation('unknown-purchase', `no ${kind} purchase ${d.purchaseId}`);
        const remaining = account.remaining.minus(d.quantity);
        // drawInOrder never takes more than is left; this keeps the promise if a caller does.
        if (remaining.isNegative() && !remaining.isZero()) throw new RuleViolation('negative-balance', `purchase ${d.purchaseId} would go below zero`);
        account.remaining = remaining;
      }
    },
    totals() {
      return [...accounts.values()]
        .filter((a) => !a.remaining.equals(a.before))
        .sort((a, b) => compareStrings(a.contractId, b.contractId) || compareStrings(a.id, b.id))
        .map((a) => ({
          purchaseId: a.id,
          contractId: a.contractId,
          kind: a.kind,
          quantity: decimalString(a.before.minus(a.remaining)),
          remainingBefore: decimalString(a.before),
          remainingAfter: decimalString(a.remaining),
        }));
    },
  };
}
