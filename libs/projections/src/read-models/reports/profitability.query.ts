import type Database from 'better-sqlite3';
import { Dec, dec, decimalString } from '@billing/domain';
import { cached } from '../cached-statement';
import { centsOfParts, moneyOfCents } from '../ledger/dashboard-values';
import type { ProfitabilityDimension } from './profitability.projection';

/**
 * Revenue, cost and margin of posted items (docs/profitability.md). `revenue = billed + covered`:
 * what the items charged, and the covered share of prepaid balances they drew. `prepaidBilled`
 * (the purchases posted) is not revenue here: it becomes revenue as it is drawn.
 */
export interface ProfitabilityFigures {
  revenue: string;
  billed: string;
  covered: string;
  prepaidBilled: string;
  cost: string;
  margin: string;
  /** margin / revenue × 100, rounded half-up to one place for display only; null when revenue is 0. */
  marginPercent: string | null;
  /** Labour hours to bill. */
  hours: string;
  negativeMargin: boolean;
}

export interface ProfitabilityMonth extends ProfitabilityFigures {
  /** `YYYY-MM`, of the items' dates. */
  month: string;
}

export interface ProfitabilityRow extends ProfitabilityFigures {
  /** The account, contract or work type; null for items without a contract (or, by work type, items that are not labour). */
  id: string | null;
  months: ProfitabilityMonth[];
}

export interface ProfitabilityReport {
  by: ProfitabilityDimension;
  from: string | null;
  to: string | null;
  rows: ProfitabilityRow[];
  totals: ProfitabilityFigures;
  /** The ids of the rows whose margin over the range is below zero. */
  negativeMargin: (string | null)[];
}

export interface ProfitabilityFilter {
  by: ProfitabilityDimension;
  /** Items dated from this day (inclusive). */
  from?: string;
  /** Items dated up to this day (inclusive). */
  to?: string;
}

interface Sums {
  billed: bigint;
  covered: bigint;
  prepaid: bigint;
  cost: bigint;
  hoursE4: bigint;
}

interface MonthRow {
  key: string;
  month: string;
  billed_high: bigint;
  billed_low: bigint;
  covered_high: bigint;
  covered_low: bigint;
  prepaid_high: bigint;
  prepaid_low: bigint;
  cost_high: bigint;
  cost_low: bigint;
  hours_e4: bigint;
}

const SUMS = `SUM(billed_high) AS billed_high, SUM(billed_low) AS billed_low, SUM(covered_high) AS covered_high,
  SUM(covered_low) AS covered_low, SUM(prepaid_high) AS prepaid_high, SUM(prepaid_low) AS prepaid_low, SUM(cost_high) AS cost_high,
  SUM(cost_low) AS cost_low, SUM(hours_e4) AS hours_e4`;
const MONTHS_SQL = `SELECT key, substr(item_date, 1, 7) AS month, ${SUMS} FROM profitability_days
  WHERE dimension = ? AND item_date >= ? AND item_date <= ? GROUP BY key, month ORDER BY key, month`;

const none = (): Sums => ({ billed: 0n, covered: 0n, prepaid: 0n, cost: 0n, hoursE4: 0n });
const plus = (a: Sums, b: Sums): Sums => ({
  billed: a.billed + b.billed,
  covered: a.covered + b.covered,
  prepaid: a.prepaid + b.prepaid,
  cost: a.cost + b.cost,
  hoursE4: a.hoursE4 + b.hoursE4,
});

/** The one place a margin becomes a percentage: for display, from the exact cents. */
function marginPercent(marginCents: bigint, revenueCents: bigint): string | null {
  if (revenueCents === 0n) return null;
  return dec(marginCents.toString()).times(100).dividedBy(revenueCents.toString()).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1);
}

function figures(s: Sums): ProfitabilityFigures {
  const revenue = s.billed + s.covered;
  const margin = revenue - s.cost;
  return {
    revenue: moneyOfCents(revenue),
    billed: moneyOfCents(s.billed),
    covered: moneyOfCents(s.covered),
    prepaidBilled: moneyOfCents(s.prepaid),
    cost: moneyOfCents(s.cost),
    margin: moneyOfCents(margin),
    marginPercent: marginPercent(margin, revenue),
    hours: decimalString(dec(s.hoursE4.toString()).dividedBy(10_000)),
    negativeMargin: margin < 0n,
  };
}

/**
 * The profitability report (billing-rules §11): one row per account, contract or work type with
 * posted items dated in the range, each with its months; rows by id, the row without one last.
 */
export function profitabilityReport(db: Database.Database, filter: ProfitabilityFilter): ProfitabilityReport {
  const statement = cached<[string, string, string], MonthRow>(db, MONTHS_SQL).safeIntegers();
  const byKey = new Map<string, { sums: Sums; months: ProfitabilityMonth[] }>();
  for (const r of statement.all(filter.by, filter.from ?? '', filter.to ?? '9999-12-31')) {
    const sums: Sums = {
      billed: centsOfParts(r.billed_high, r.billed_low),
      covered: centsOfParts(r.covered_high, r.covered_low),
      prepaid: centsOfParts(r.prepaid_high, r.prepaid_low),
      cost: centsOfParts(r.cost_high, r.cost_low),
      hoursE4: r.hours_e4,
    };
    const row = byKey.get(r.key) ?? { sums: none(), months: [] };
    row.sums = plus(row.sums, sums);
    row.months.push({ month: r.month, ...figures(sums) });
    byKey.set(r.key, row);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const rows = keys.map((key): ProfitabilityRow => {
    const { sums, months } = byKey.get(key)!;
    return { id: key === '' ? null : key, ...figures(sums), months };
  });
  const total = [...byKey.values()].reduce((sum, row) => plus(sum, row.sums), none());
  return {
    by: filter.by,
    from: filter.from ?? null,
    to: filter.to ?? null,
    rows,
    totals: figures(total),
    negativeMargin: rows.filter((row) => row.negativeMargin).map((row) => row.id),
  };
}
