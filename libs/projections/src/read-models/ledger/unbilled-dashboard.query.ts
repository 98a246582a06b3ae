import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import { CENTS_SPLIT, centsOfParts, dayOf, moneyOfCents, type Coverage, type DashboardStage } from './dashboard-values';

/** One item of the dashboard, as `queryUnbilledDashboard` writes it. */
export interface DashboardItem {
  stage: DashboardStage;
  sourceItemId: string;
  sourceType: string;
  type: string;
  billingItemId: string | null;
  accountId: string;
  contractId: string | null;
  workTypeId: string | null;
  resourceId: string | null;
  itemDate: string;
  hours: string | null;
  amount: string;
  coverage: Coverage;
  ageDays: number;
  ageBucket: '0-7' | '8-30' | '31-60' | 'over 60';
  stuck: boolean;
}

export interface DashboardFilter {
  accountId?: string;
  contractId?: string;
  type?: string;
  workTypeId?: string;
  resourceId?: string;
  from?: string;
  to?: string;
  stage?: DashboardStage;
  /** Ages are counted to this date. */
  asOf: string;
  stuckAfterDays: number;
  limit: number;
  offset: number;
}

function whereOf(filter: Omit<DashboardFilter, 'asOf' | 'stuckAfterDays' | 'limit' | 'offset'>): SqlWhere {
  return new SqlWhere()
    .when('account_id', '=', filter.accountId)
    .when('contract_id', '=', filter.contractId)
    .when('item_type', '=', filter.type)
    .when('work_type_id', '=', filter.workTypeId)
    .when('resource_id', '=', filter.resourceId)
    .when('item_date', '>=', filter.from)
    .when('item_date', '<=', filter.to)
    .when('stage', '=', filter.stage);
}

/** One group of the totals: its key, its count and its cents in two parts (see `CENTS_SPLIT`). */
interface GroupTotal {
  k: string;
  n: bigint;
  high: bigint;
  low: bigint;
}

/**
 * The dashboard's items (a page of `DashboardItem`s) and totals over every item the filter selects
 * (`{ byAccount, byContract, byStage }`, each key to `{ count, amount }`), as JSON texts. SQLite
 * writes the items: handing each row's values to JavaScript one by one cost more than the rest of
 * the request. The totals are summed by SQLite and written here, one line per group.
 */
export function queryUnbilledDashboard(db: Database.Database, filter: DashboardFilter): { itemsJson: string; total: number; totalsJson: string } {
  const where = whereOf(filter);
  const age = '(CAST(@asOfDay AS INTEGER) - item_day)';
  const items = cached<unknown[], string>(
    db,
    `SELECT item_head || ',"ageDays":' || max(0, ${age}) || ',"ageBucket":"' ||
        CASE WHEN ${age} <= 7 THEN '0-7' WHEN ${age} <= 30 THEN '8-30' WHEN ${age} <= 60 THEN '31-60' ELSE 'over 60' END ||
        '","stuck":' || CASE WHEN ${age} > @stuckAfterDays OR coverage = 'held' THEN 'true' ELSE 'false' END || '}'
      FROM dashboard_items${where.clause} ORDER BY item_date, key LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...where.params, filter.limit, filter.offset, { asOfDay: dayOf(filter.asOf), stuckAfterDays: filter.stuckAfterDays });

  // Filters the totals table knows (stage, account, contract) read it; any other filter scans.
  const fromTable = !filter.type && !filter.workTypeId && !filter.resourceId && !filter.from && !filter.to;
  const source = fromTable ? whereOf({ stage: filter.stage, accountId: filter.accountId, contractId: filter.contractId }) : where;
  const [high, low] = fromTable ? ['cents_high', 'cents_low'] : [`amount_cents / ${CENTS_SPLIT}`, `amount_cents % ${CENTS_SPLIT}`];
  const grouped = (column: string) => {
    const groups = cached<unknown[], GroupTotal>(
      db,
      `SELECT CASE WHEN ${column} IS NULL OR ${column} = '' THEN '(none)' ELSE ${column} END AS k,
          ${fromTable ? 'SUM(count)' : 'COUNT(*)'} AS n, SUM(${high}) AS high, SUM(${low}) AS low
        FROM ${fromTable ? 'dashboard_totals' : 'dashboard_items'}${source.clause} GROUP BY 1 ORDER BY 1`,
    )
      .safeIntegers()
      .all(...source.params);
    const totals = groups.map((g) => `${JSON.stringify(g.k)}:{"count":${g.n},"amount":"${moneyOfCents(centsOfParts(g.high, g.low))}"}`);
    return { totals: `{${totals.join(',')}}`, total: groups.reduce((sum, g) => sum + Number(g.n), 0) };
  };
  const byStage = grouped('stage');
  return {
    itemsJson: `[${items.join(',')}]`,
    total: byStage.total,
    totalsJson: `{"byAccount":${grouped('account_id').totals},"byContract":${grouped('contract_id').totals},"byStage":${byStage.totals}}`,
  };
}
