import { dec, decimalString, moneyString, type ContractPurchase, type ExistingContract } from '@billing/domain';
import type { ContractBalance, PurchaseBalance, ServiceAdjustmentBalance, ServiceBalance, ServicePeriodBalance } from '@billing/projections';
import type { LedgerFold } from '../as-of/ledger-fold';

const sumOf = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), dec(0));
const money = (amounts: readonly string[]) => moneyString(sumOf(amounts));

const purchasedOf = (purchase: ContractPurchase): string => {
  switch (purchase.kind) {
    case 'BLOCK':
      return purchase.hours;
    case 'RETAINER':
      return purchase.amount;
    case 'TICKETS':
      return String(purchase.tickets);
    default: {
      const unknown: never = purchase;
      return unknown;
    }
  }
};

/** By start date, then the order purchased: as `GET /api/contracts/:id/balance` lists them. */
const byStartThenSequence = (a: ContractPurchase, b: ContractPurchase) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.sequence - b.sequence;

/** Each service in the order added, its periods by start (then as accrued), each period's adjustments as accrued. */
function servicesOf(contract: ExistingContract, ledgers: readonly LedgerFold[]): ServiceBalance[] {
  const posted = (itemId: string) => ledgers.some((ledger) => ledger.state.postedBySource.has(itemId));
  const key = (serviceId: string, periodStart: string) => `${serviceId}\u0000${periodStart}`;
  // The read model keeps the first accrual of an item id and ignores a repeat.
  const seen = new Set<string>();
  const accrued = contract.recurring.items.filter((item) => {
    if (item.kind === 'SETUP_FEE' || seen.has(item.data.itemId)) return false;
    seen.add(item.data.itemId);
    return true;
  });
  const adjustmentsOf = new Map<string, ServiceAdjustmentBalance[]>();
  for (const item of accrued) {
    if (item.kind !== 'SERVICE_ADJUSTMENT') continue;
    const { itemId, serviceId, periodStart, fromDate, unitDelta, amount } = item.data;
    const list = adjustmentsOf.get(key(serviceId, periodStart)) ?? [];
    list.push({ itemId, fromDate, unitDelta, amount, posted: posted(itemId) });
    adjustmentsOf.set(key(serviceId, periodStart), list);
  }
  const seenServices = new Set<string>();
  return contract.services
    .filter((service) => !seenServices.has(service.serviceId) && seenServices.add(service.serviceId))
    .map(({ serviceId, name }) => {
      const periods = accrued
        .flatMap((item) => (item.kind === 'SERVICE_PERIOD' && item.data.serviceId === serviceId ? [item.data] : []))
        .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0))
        .map((p): ServicePeriodBalance => {
          const adjustments = adjustmentsOf.get(key(serviceId, p.periodStart)) ?? [];
          const all = [{ amount: p.amount, posted: posted(p.itemId) }, ...adjustments];
          return {
            itemId: p.itemId,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            units: p.units,
            amount: p.amount,
            posted: posted(p.itemId),
            adjustments,
            accrued: money(all.map((i) => i.amount)),
            postedAmount: money(all.filter((i) => i.posted).map((i) => i.amount)),
          };
        });
      return { serviceId, name, periods, accrued: money(periods.map((p) => p.accrued)), posted: money(periods.map((p) => p.postedAmount)) };
    });
}

/**
 * A contract's balance (billing-rules §11) from its state and its ledgers' states as folded up to
 * one point: purchases from the contract's `evolve`, what each has given from the ledgers'
 * `drawn` (net of unposts), overage from the posted items that are overage on it. The answer of
 * `GET /api/contracts/:id/balance`, field for field.
 */
export function contractBalanceAsOf(contract: ExistingContract, ledgers: readonly LedgerFold[]): ContractBalance {
  const { contractId, type } = contract.terms;
  const drawnOf = (purchaseId: string) => ledgers.reduce((total, ledger) => total.plus(ledger.state.drawn.get(purchaseId) ?? 0), dec(0));
  const purchases: PurchaseBalance[] = [...contract.purchases].sort(byStartThenSequence).map((purchase) => {
    const purchased = purchasedOf(purchase);
    const used = drawnOf(purchase.purchaseId);
    return {
      id: purchase.purchaseId,
      kind: purchase.kind,
      purchased,
      used: decimalString(used),
      remaining: decimalString(dec(purchased).minus(used)),
      startDate: purchase.startDate,
      endDate: purchase.endDate,
    };
  });
  const total = (pick: (p: PurchaseBalance) => string) => decimalString(sumOf(purchases.map(pick)));
  const overage: string[] = [];
  for (const ledger of ledgers) {
    for (const [billingItemId, facts] of ledger.items) {
      if (facts.overage?.contractId === contractId && ledger.state.items.get(billingItemId)?.status === 'POSTED') overage.push(facts.overage.amount);
    }
  }
  return {
    contractId,
    type,
    purchases,
    purchased: total((p) => p.purchased),
    used: total((p) => p.used),
    remaining: total((p) => p.remaining),
    overage: money(overage),
    ...(type === 'RECURRING_SERVICE' && { services: servicesOf(contract, ledgers) }),
  };
}
