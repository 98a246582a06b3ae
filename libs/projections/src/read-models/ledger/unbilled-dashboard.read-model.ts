import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import {
  baseLabourRate,
  dec,
  rateLabour,
  rateModifierOf,
  roundMoney,
  type BillingItemData,
  type ContractRoleRate,
  type ContractType,
  type ItemUnpostedData,
  type RateModifier,
  type TimeEntryData,
  type WorkTypeModifier,
} from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';
import { ITEM_TYPE_OF_SOURCE } from './work-items.read-model';

export type DashboardStage = 'AWAITING_POSTING' | 'AWAITING_INVOICE';

/**
 * How a pending item's amount is previewed. `billable`: what it would charge at today's rates;
 * `prepaid`: drawn from a block, retainer or ticket purchase (0.00 unless it runs short);
 * `covered`: paid by a recurring, per-ticket or fixed-price contract; `no-charge`: non-billable.
 */
export type Coverage = 'billable' | 'prepaid' | 'covered' | 'no-charge';

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

const cents = (amount: string | ReturnType<typeof dec>) => Number(roundMoney(dec(amount)).times(100).toFixed(0));
const COVERED_TYPES = new Set(['RECURRING_SERVICE', 'PER_TICKET', 'FIXED_PRICE']);
const PREPAID_TYPES = new Set(['BLOCK_HOURS', 'RETAINER']);

interface RowValues {
  key: string;
  stage: DashboardStage;
  source_item_id: string;
  source_type: string;
  item_type: string;
  billing_item_id: string | null;
  account_id: string;
  contract_id: string | null;
  work_type_id: string | null;
  resource_id: string | null;
  item_date: string;
  hours: string | null;
  amount_cents: number;
  coverage: Coverage;
  logged_at: string;
}

/** Days since 1970-01-01 of an ISO date: ages are differences of these. */
const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** The row's answer as JSON, all but the age (which depends on the day asked) and the closing brace. */
function itemHead(r: RowValues): string {
  return JSON.stringify({
    stage: r.stage,
    sourceItemId: r.source_item_id,
    sourceType: r.source_type,
    type: r.item_type,
    billingItemId: r.billing_item_id,
    accountId: r.account_id,
    contractId: r.contract_id,
    workTypeId: r.work_type_id,
    resourceId: r.resource_id,
    itemDate: r.item_date,
    hours: r.hours,
    amount: money(r.amount_cents),
    coverage: r.coverage,
  }).slice(0, -1);
}

interface ContractRow {
  type: string;
  account_id: string;
  role_rates: string;
}

/**
 * The unbilled-items dashboard (billing-rules §11): every item not yet invoiced, awaiting
 * Approve & Post or posted and awaiting an invoice. Amounts are kept in integer cents so the
 * totals are exact sums in SQL. Pending amounts are previews at the rates known when the item
 * was logged; posted amounts are what was posted.
 */
export const unbilledDashboardProjection: Projection = {
  name: 'unbilled-dashboard',
  version: 7,
  tables: ['dashboard_items', 'dashboard_totals', 'dashboard_roles', 'dashboard_work_types', 'dashboard_contracts'],
  open(db) {
    // A source item's row shows it awaiting posting, then (in place) its posting; `pending_json`
    // keeps the pending values meanwhile, for an unpost. The other parts of a split posting have rows of their own.
    db.exec(`CREATE TABLE IF NOT EXISTS dashboard_items (
      key TEXT PRIMARY KEY, stage TEXT NOT NULL, source_item_id TEXT NOT NULL, source_type TEXT NOT NULL,
      item_type TEXT NOT NULL, billing_item_id TEXT, account_id TEXT NOT NULL, contract_id TEXT, work_type_id TEXT, resource_id TEXT,
      item_date TEXT NOT NULL, item_day INTEGER NOT NULL, hours TEXT, amount_cents INTEGER NOT NULL, coverage TEXT NOT NULL, logged_at TEXT NOT NULL,
      item_head TEXT NOT NULL, pending_json TEXT)`);
    db.exec('CREATE INDEX IF NOT EXISTS dashboard_items_by_account ON dashboard_items (account_id, item_date, key)');
    db.exec('CREATE INDEX IF NOT EXISTS dashboard_items_by_date ON dashboard_items (item_date, key)');
    db.exec('CREATE INDEX IF NOT EXISTS dashboard_items_by_stage ON dashboard_items (stage, item_date, key)');
    db.exec('CREATE INDEX IF NOT EXISTS dashboard_items_by_contract ON dashboard_items (contract_id)');
    // Kept up to date with every row, so unfiltered totals (or by account, contract, stage) are a lookup, not a scan.
    db.exec(`CREATE TABLE IF NOT EXISTS dashboard_totals (stage TEXT NOT NULL, account_id TEXT NOT NULL, contract_id TEXT NOT NULL,
      count INTEGER NOT NULL, amount_cents INTEGER NOT NULL, PRIMARY KEY (stage, account_id, contract_id))`);
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_roles (id TEXT PRIMARY KEY, hourly_rate TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_work_types (id TEXT PRIMARY KEY, billable INTEGER NOT NULL, modifier TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_contracts (id TEXT PRIMARY KEY, type TEXT NOT NULL, account_id TEXT NOT NULL, role_rates TEXT NOT NULL)');
    const upsertRow = db.prepare(`INSERT INTO dashboard_items (key, stage, source_item_id, source_type, item_type, billing_item_id, account_id, contract_id, work_type_id, resource_id, item_date, item_day, hours, amount_cents, coverage, logged_at, item_head)
      VALUES (@key, @stage, @source_item_id, @source_type, @item_type, @billing_item_id, @account_id, @contract_id, @work_type_id, @resource_id, @item_date, @item_day, @hours, @amount_cents, @coverage, @logged_at, @item_head)
      ON CONFLICT(key) DO UPDATE SET contract_id = excluded.contract_id, work_type_id = excluded.work_type_id, item_date = excluded.item_date, item_day = excluded.item_day,
        hours = excluded.hours, amount_cents = excluded.amount_cents, coverage = excluded.coverage, item_head = excluded.item_head`);
    // Each row also keeps its answer as JSON (item_head) and its date as a day number: a page of
    // 1,000 is then one string per row, made by SQLite, not rebuilt field by field.
    const derived = (row: RowValues) => ({ item_head: itemHead(row), item_day: dayOf(row.item_date) });
    const upsert = { run: (row: RowValues) => upsertRow.run({ ...row, ...derived(row) }) };
    // Rewrites a row in place. SQLite rewrites every index naming a column the SET names, so the
    // usual posting (same account, contract and date) leaves out the indexed columns but `stage`.
    const setColumns = (columns: readonly (keyof RowValues)[]) =>
      db.prepare(`UPDATE dashboard_items SET ${[...columns, 'item_day', 'item_head', 'pending_json'].map((c) => `${c} = @${c}`).join(', ')} WHERE key = @key`);
    const unindexed = ['stage', 'item_type', 'billing_item_id', 'work_type_id', 'resource_id', 'hours', 'amount_cents', 'coverage', 'logged_at'] as const;
    const rewriteSome = setColumns(unindexed);
    const rewriteAll = setColumns([...unindexed, 'account_id', 'contract_id', 'item_date']);
    const rewrite = (row: RowValues, pendingJson: string | null, before: RowValues) =>
      (row.account_id === before.account_id && row.contract_id === before.contract_id && row.item_date === before.item_date ? rewriteSome : rewriteAll).run({
        ...row,
        ...derived(row),
        pending_json: pendingJson,
      });
    const remove = db.prepare('DELETE FROM dashboard_items WHERE key = ?');
    const role = db.prepare<[string], { hourly_rate: string }>('SELECT hourly_rate FROM dashboard_roles WHERE id = ?');
    const workType = db.prepare<[string], { billable: number; modifier: string }>('SELECT billable, modifier FROM dashboard_work_types WHERE id = ?');
    const contract = db.prepare<[string], ContractRow>('SELECT type, account_id, role_rates FROM dashboard_contracts WHERE id = ?');
    const addRole = db.prepare('INSERT OR REPLACE INTO dashboard_roles (id, hourly_rate) VALUES (?, ?)');
    const addWorkType = db.prepare('INSERT OR REPLACE INTO dashboard_work_types (id, billable, modifier) VALUES (?, ?, ?)');
    const addContract = db.prepare('INSERT OR REPLACE INTO dashboard_contracts (id, type, account_id, role_rates) VALUES (?, ?, ?, ?)');

    type Counted = Pick<RowValues, 'stage' | 'account_id' | 'contract_id' | 'amount_cents'>;
    type StoredRow = RowValues & { item_day: number; item_head: string; pending_json: string | null };
    const rowAt = db.prepare<[string], StoredRow>('SELECT * FROM dashboard_items WHERE key = ?');
    const addToTotals = db.prepare<[string, string, string, number, number], { count: number }>(`INSERT INTO dashboard_totals (stage, account_id, contract_id, count, amount_cents) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(stage, account_id, contract_id) DO UPDATE SET count = count + excluded.count, amount_cents = amount_cents + excluded.amount_cents RETURNING count`);
    const drop = db.prepare('DELETE FROM dashboard_totals WHERE stage = ? AND account_id = ? AND contract_id = ?');
    const count = (row: Counted | null | undefined, sign: 1 | -1) => {
      if (!row) return;
      const { count: left } = addToTotals.get(row.stage, row.account_id, row.contract_id ?? '', sign, sign * row.amount_cents)!;
      if (left === 0) drop.run(row.stage, row.account_id, row.contract_id ?? '');
    };
    /**
     * Every change of a row goes through here, so the totals table always equals a scan. Callers
     * that know the row before or after the change say so (null: no row).
     */
    const change = (key: string, mutate: () => void, known: { before?: Counted | null; after?: (before: Counted | undefined) => Counted | null } = {}) => {
      const before = known.before === undefined ? rowAt.get(key) : (known.before ?? undefined);
      count(before, -1);
      mutate();
      count(known.after ? known.after(before) : rowAt.get(key), 1);
    };
    /** The columns of a row as `upsert` and `rewrite` take them. */
    const valuesOf = ({ item_day: _day, item_head: _head, pending_json: _pending, ...row }: StoredRow): RowValues => row;

    const pendingKey = (sourceType: string, id: string) => `src:${sourceType}:${id}`;
    const pending = (recorded: RecordedEvent, sourceType: string, f: { id: string; accountId: string; contractId: string | null; itemDate: string; hours?: string | null; workTypeId?: string | null; resourceId?: string | null; amount: string; coverage: Coverage }) => {
      const row: RowValues = {
        key: pendingKey(sourceType, f.id),
        stage: 'AWAITING_POSTING',
        source_item_id: f.id,
        source_type: sourceType,
        item_type: ITEM_TYPE_OF_SOURCE[sourceType as keyof typeof ITEM_TYPE_OF_SOURCE],
        billing_item_id: null,
        account_id: f.accountId,
        contract_id: f.contractId,
        work_type_id: f.workTypeId ?? null,
        resource_id: f.resourceId ?? null,
        item_date: f.itemDate,
        hours: f.hours ?? null,
        amount_cents: cents(f.amount),
        coverage: f.coverage,
        logged_at: occurredAt(recorded),
      };
      change(row.key, () => upsert.run(row), { after: () => row });
    };

    /** The labour preview of billing-rules §5 at the rates this read model knows, rated by the domain's rules. */
    const labourPreview = (e: TimeEntryData): { amount: string; coverage: Coverage } => {
      const wt = workType.get(e.workTypeId);
      if (wt && wt.billable === 0) return { amount: '0', coverage: 'no-charge' };
      const c = e.contractId ? contract.get(e.contractId) : undefined;
      if (c && COVERED_TYPES.has(c.type)) return { amount: '0', coverage: 'covered' };
      if (c && PREPAID_TYPES.has(c.type)) return { amount: '0', coverage: 'prepaid' };
      const snapshot = c && e.contractId ? { id: e.contractId, type: c.type as ContractType, roleRates: JSON.parse(c.role_rates) as ContractRoleRate[] } : null;
      const base = baseLabourRate(snapshot, { id: e.roleId, hourlyRate: role.get(e.roleId)?.hourly_rate ?? '0', hourlyCost: '0' });
      const modifier: RateModifier = wt ? rateModifierOf(JSON.parse(wt.modifier) as WorkTypeModifier) : { kind: 'none' };
      return { amount: rateLabour(base.rate, modifier, dec(e.hoursToBill)).amount.toFixed(), coverage: 'billable' };
    };

    return (recorded) => {
      const event = domainEvent(recorded);
      const d = event.data as Record<string, unknown>;
      switch (event.type) {
        case 'RoleCreated':
          addRole.run(d.roleId, d.hourlyRate);
          return;
        case 'WorkTypeCreated':
          addWorkType.run(d.workTypeId, d.billable ? 1 : 0, JSON.stringify(d.modifier));
          return;
        case 'ContractCreated':
          addContract.run(d.contractId, d.type, d.accountId, JSON.stringify(d.roleRates ?? []));
          return;
        case 'TimeEntryLogged':
        case 'TimeEntryRevised': {
          const e = event.data as TimeEntryData;
          return void pending(recorded, 'TIME_ENTRY', { id: e.timeEntryId, accountId: e.accountId, contractId: e.contractId, itemDate: e.dateWorked, hours: e.hoursToBill, workTypeId: e.workTypeId, resourceId: e.resourceId, ...labourPreview(e) });
        }
        case 'ChargeRecorded': {
          const amount = d.billable ? dec(d.quantity as string).times(d.unitPrice as string).toFixed() : '0';
          return void pending(recorded, 'CHARGE', { id: d.chargeId as string, accountId: d.accountId as string, contractId: d.contractId as string | null, itemDate: d.date as string, amount, coverage: d.billable ? 'billable' : 'no-charge' });
        }
        case 'ExpenseRecorded':
          return void pending(recorded, 'EXPENSE', { id: d.expenseId as string, accountId: d.accountId as string, contractId: d.contractId as string | null, itemDate: d.date as string, amount: d.billable ? (d.amount as string) : '0', coverage: d.billable ? 'billable' : 'no-charge' });
        case 'TicketCompleted':
          return void pending(recorded, 'TICKET', { id: d.itemId as string, accountId: d.accountId as string, contractId: d.contractId as string, itemDate: d.date as string, amount: '0', coverage: 'prepaid' });
        case 'BlockPurchased':
        case 'RetainerPurchased':
        case 'TicketsPurchased': {
          const c = contract.get(d.contractId as string);
          const amount = event.type === 'BlockPurchased' ? dec(d.hours as string).times(d.hourlyRate as string) : event.type === 'RetainerPurchased' ? dec(d.amount as string) : dec(String(d.tickets)).times(d.perTicketRate as string);
          const sourceType = event.type === 'BlockPurchased' ? 'BLOCK_PURCHASE' : event.type === 'RetainerPurchased' ? 'RETAINER_PURCHASE' : 'TICKET_PURCHASE';
          return void pending(recorded, sourceType, { id: d.purchaseId as string, accountId: c?.account_id ?? '', contractId: d.contractId as string, itemDate: d.startDate as string, amount: amount.toFixed(), coverage: 'billable' });
        }
        case 'ItemPosted': {
          const item = event.data as BillingItemData;
          const sourceKey = pendingKey(item.sourceType, item.sourceItemId);
          const source = rowAt.get(sourceKey);
          const posted: RowValues = {
            key: `bi:${item.billingItemId}`,
            stage: 'AWAITING_INVOICE',
            source_item_id: item.sourceItemId,
            source_type: item.sourceType,
            item_type: item.type,
            billing_item_id: item.billingItemId,
            account_id: item.accountId,
            contract_id: item.contractId,
            work_type_id: item.labour?.workTypeId ?? null,
            resource_id: source?.resource_id ?? null,
            item_date: item.itemDate,
            hours: item.labour ? item.quantity : null,
            amount_cents: cents(item.amount),
            coverage: item.noCharge ? 'no-charge' : item.covered ? (item.draws.length ? 'prepaid' : 'covered') : 'billable',
            logged_at: occurredAt(recorded),
          };
          if (source?.stage === 'AWAITING_POSTING') {
            // The first (usually only) billing item takes its source's row.
            const pending = valuesOf(source);
            const inPlace = { ...posted, key: sourceKey };
            change(sourceKey, () => rewrite(inPlace, JSON.stringify(pending), pending), { before: pending, after: () => inPlace });
          } else {
            change(posted.key, () => upsert.run(posted), { before: null, after: () => posted });
          }
          return;
        }
        case 'ItemUnposted': {
          const unposted = event.data as ItemUnpostedData;
          const sourceKey = pendingKey(unposted.sourceType, unposted.sourceItemId);
          for (const id of unposted.billingItemIds) {
            const source = rowAt.get(sourceKey);
            if (source?.billing_item_id === id && source.pending_json !== null) {
              const pending = JSON.parse(source.pending_json) as RowValues;
              change(sourceKey, () => rewrite(pending, null, valuesOf(source)), { before: source, after: () => pending });
            } else {
              change(`bi:${id}`, () => remove.run(`bi:${id}`), { after: () => null });
            }
          }
          return;
        }
      }
    };
  },
};


/** Integer cents as a money string: exact integer arithmetic, no decimal library needed per row. */
function money(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `money` in SQL, for an integer column of cents. */
const moneySql = (cents: string) => `CASE WHEN ${cents} < 0 THEN '-' ELSE '' END || (abs(${cents}) / 100) || '.' || substr('0' || (abs(${cents}) % 100), -2)`;

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

/**
 * The dashboard's items (a page of `DashboardItem`s) and totals over every item the filter selects
 * (`{ byAccount, byContract, byStage }`, each key to `{ count, amount }`), as JSON texts that
 * SQLite writes: handing each row's values to JavaScript one by one cost more than the rest of
 * the request.
 */
export function queryUnbilledDashboard(db: Database.Database, filter: DashboardFilter): { itemsJson: string; total: number; totalsJson: string } {
  const where = whereOf(filter);
  const age = '(CAST(@asOfDay AS INTEGER) - item_day)';
  const items = cached<unknown[], string>(
    db,
    `SELECT item_head || ',"ageDays":' || max(0, ${age}) || ',"ageBucket":"' ||
        CASE WHEN ${age} <= 7 THEN '0-7' WHEN ${age} <= 30 THEN '8-30' WHEN ${age} <= 60 THEN '31-60' ELSE 'over 60' END ||
        '","stuck":' || CASE WHEN ${age} > @stuckAfterDays THEN 'true' ELSE 'false' END || '}'
      FROM dashboard_items${where.clause} ORDER BY item_date, key LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...where.params, filter.limit, filter.offset, { asOfDay: dayOf(filter.asOf), stuckAfterDays: filter.stuckAfterDays });

  // Filters the totals table knows (stage, account, contract) read it; any other filter scans.
  const fromTable = !filter.type && !filter.workTypeId && !filter.resourceId && !filter.from && !filter.to;
  const source = fromTable ? whereOf({ stage: filter.stage, accountId: filter.accountId, contractId: filter.contractId }) : where;
  const grouped = (column: string) =>
    cached<unknown[], { totals: string; total: number | null }>(
      db,
      `SELECT json_group_object(k, json_object('count', n, 'amount', ${moneySql('c')}) ORDER BY k) AS totals, SUM(n) AS total
        FROM (SELECT CASE WHEN ${column} IS NULL OR ${column} = '' THEN '(none)' ELSE ${column} END AS k,
            ${fromTable ? 'SUM(count)' : 'COUNT(*)'} AS n, SUM(amount_cents) AS c
          FROM ${fromTable ? 'dashboard_totals' : 'dashboard_items'}${source.clause} GROUP BY 1)`,
    ).get(...source.params)!;
  const byStage = grouped('stage');
  return {
    itemsJson: `[${items.join(',')}]`,
    total: byStage.total ?? 0,
    totalsJson: `{"byAccount":${grouped('account_id').totals},"byContract":${grouped('contract_id').totals},"byStage":${byStage.totals}}`,
  };
}
