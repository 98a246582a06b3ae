import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { dec, decimalString, moneyString } from '@billing/domain';

export interface PurchaseBalance {
  id: string;
  kind: 'BLOCK' | 'RETAINER' | 'TICKETS';
  purchased: string;
  used: string;
  remaining: string;
  startDate: string;
  endDate: string;
}

/** A unit change inside an accrued period: its prorated money (negative for fewer units). */
export interface ServiceAdjustmentBalance {
  itemId: string;
  fromDate: string;
  unitDelta: string;
  amount: string;
  posted: boolean;
}

/** One period of a recurring service: the units billed in advance, the money accrued, and whether it is posted. */
export interface ServicePeriodBalance {
  itemId: string;
  periodStart: string;
  periodEnd: string;
  /** In effect on the period's first day. */
  units: string;
  amount: string;
  posted: boolean;
  adjustments: ServiceAdjustmentBalance[];
  /** The period's money with its adjustments: what it accrued, and what of that is posted. */
  accrued: string;
  postedAmount: string;
}

export interface ServiceBalance {
  serviceId: string;
  name: string;
  /** Accrued periods, oldest first. */
  periods: ServicePeriodBalance[];
  accrued: string;
  posted: string;
}

/**
 * billing-rules §11: per contract, per purchase: purchased, used, remaining (hours, money or
 * tickets), overage to date, expiry; for a recurring contract, units and revenue per service and period.
 */
export interface ContractBalance {
  contractId: string;
  type: string;
  purchases: PurchaseBalance[];
  purchased: string;
  used: string;
  remaining: string;
  /** Money billed beyond the prepaid balances so far (overage parts and overage items). */
  overage: string;
  /** Recurring Service contracts only. */
  services?: ServiceBalance[];
}

interface ServiceItemRow {
  item_id: string;
  service_id: string;
  kind: 'PERIOD' | 'ADJUSTMENT';
  period_start: string;
  period_end: string;
  from_date: string;
  units: string;
  amount: string;
  posted: number;
}

const money = (amounts: readonly string[]) => moneyString(amounts.reduce((s, a) => s.plus(a), dec(0)));

/** Each service in the order added, its periods by start, each period's adjustments in the order accrued. */
function servicesOf(db: Database.Database, contractId: string): ServiceBalance[] {
  const services = cached<[string], { service_id: string; name: string }>(
    db,
    'SELECT service_id, name FROM balance_services WHERE contract_id = ? ORDER BY position',
  ).all(contractId);
  const items = cached<[string], ServiceItemRow>(
    db,
    "SELECT * FROM balance_service_items WHERE contract_id = ? ORDER BY service_id, period_start, kind = 'ADJUSTMENT', rowid",
  ).all(contractId);
  const key = (serviceId: string, periodStart: string) => `${serviceId}\u0000${periodStart}`;
  const adjustmentsOf = new Map<string, ServiceAdjustmentBalance[]>();
  for (const a of items) {
    if (a.kind !== 'ADJUSTMENT') continue;
    const list = adjustmentsOf.get(key(a.service_id, a.period_start)) ?? [];
    list.push({ itemId: a.item_id, fromDate: a.from_date, unitDelta: a.units, amount: a.amount, posted: a.posted === 1 });
    adjustmentsOf.set(key(a.service_id, a.period_start), list);
  }
  return services.map(({ service_id: serviceId, name }) => {
    const periods = items
      .filter((i) => i.kind === 'PERIOD' && i.service_id === serviceId)
      .map((p): ServicePeriodBalance => {
        const adjustments = adjustmentsOf.get(key(serviceId, p.period_start)) ?? [];
        const all = [{ amount: p.amount, posted: p.posted === 1 }, ...adjustments];
        return {
          itemId: p.item_id,
          periodStart: p.period_start,
          periodEnd: p.period_end,
          units: p.units,
          amount: p.amount,
          posted: p.posted === 1,
          adjustments,
          accrued: money(all.map((i) => i.amount)),
          postedAmount: money(all.filter((i) => i.posted).map((i) => i.amount)),
        };
      });
    return {
      serviceId,
      name,
      periods,
      accrued: money(periods.map((p) => p.accrued)),
      posted: money(periods.map((p) => p.postedAmount)),
    };
  });
}

interface PurchaseRow {
  purchase_id: string;
  kind: PurchaseBalance['kind'];
  purchased: string;
  used: string;
  start_date: string;
  end_date: string;
}

export function findContractBalance(db: Database.Database, contractId: string): ContractBalance | undefined {
  const contract = cached<[string], { type: string; overage: string }>(db, 'SELECT type, overage FROM balance_contracts WHERE contract_id = ?').get(contractId);
  if (!contract) return undefined;
  const rows = cached<[string], PurchaseRow>(db, 'SELECT * FROM balance_purchases WHERE contract_id = ? ORDER BY start_date, sequence').all(contractId);
  const purchases = rows.map((r) => ({
    id: r.purchase_id,
    kind: r.kind,
    purchased: r.purchased,
    used: r.used,
    remaining: decimalString(dec(r.purchased).minus(r.used)),
    startDate: r.start_date,
    endDate: r.end_date,
  }));
  const total = (pick: (p: PurchaseBalance) => string) => decimalString(purchases.reduce((s, p) => s.plus(pick(p)), dec(0)));
  return {
    contractId,
    type: contract.type,
    purchases,
    purchased: total((p) => p.purchased),
    used: total((p) => p.used),
    remaining: total((p) => p.remaining),
    overage: moneyString(dec(contract.overage)),
    ...(contract.type === 'RECURRING_SERVICE' && { services: servicesOf(db, contractId) }),
  };
}
