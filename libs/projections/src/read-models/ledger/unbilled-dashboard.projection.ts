import {
  baseLabourRate,
  dec,
  labourCoverage,
  rateLabour,
  rateModifierOf,
  type ContractRoleRate,
  type ContractType,
  type Dec,
  type SourceType,
  type TimeEntryData,
  type WorkTypeModifier,
} from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';
import { cents, dayOf, HELD_LICENCE_COUNT, highCents, lowCents, moneyOfCents, type Coverage, type DashboardStage } from './dashboard-values';
import { ITEM_TYPE_OF_SOURCE } from './item-type-of-source';

interface RowValues {
  key: string;
  stage: DashboardStage;
  source_item_id: string;
  source_type: SourceType | typeof HELD_LICENCE_COUNT;
  item_type: string;
  billing_item_id: string | null;
  account_id: string;
  contract_id: string | null;
  work_type_id: string | null;
  resource_id: string | null;
  item_date: string;
  hours: string | null;
  amount_cents: bigint;
  coverage: Coverage;
  logged_at: string;
}

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
    amount: moneyOfCents(r.amount_cents),
    coverage: r.coverage,
  }).slice(0, -1);
}

interface ContractRow {
  type: ContractType;
  account_id: string;
  role_rates: string;
}

/**
 * The unbilled-items dashboard (billing-rules §11): every item not yet invoiced, awaiting
 * Approve & Post or posted and awaiting an invoice. Amounts are kept in integer cents so the
 * totals are exact sums in SQL. Pending amounts are previews at the rates known when the item
 * was logged; posted amounts are what was posted.
 */
export const unbilledDashboardProjection = billingProjection({
  name: 'unbilled-dashboard',
  version: 10,
  tables: ['dashboard_items', 'dashboard_totals', 'dashboard_roles', 'dashboard_work_types', 'dashboard_contracts', 'dashboard_invoiced'],
  canHandle: [
    'RoleCreated',
    'WorkTypeCreated',
    'ContractCreated',
    'TimeEntryLogged',
    'TimeEntryRevised',
    'ChargeRecorded',
    'ExpenseRecorded',
    'TicketCompleted',
    'BlockPurchased',
    'RetainerPurchased',
    'TicketsPurchased',
    'ServicePeriodAccrued',
    'ServiceAdjustmentAccrued',
    'SetupFeeAccrued',
    'MilestoneReadyToBill',
    'LicenceChangeHeld',
    'LicenceExceptionConfirmed',
    'LicenceExceptionRejected',
    'LicenceExceptionSuperseded',
    'ItemPosted',
    'ItemUnposted',
    'InvoiceGenerated',
    'InvoiceVoided',
  ],
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
    // The cents in two parts (`highCents`, `lowCents`), so that no sum can overflow.
    db.exec(`CREATE TABLE IF NOT EXISTS dashboard_totals (stage TEXT NOT NULL, account_id TEXT NOT NULL, contract_id TEXT NOT NULL,
      count INTEGER NOT NULL, cents_high INTEGER NOT NULL, cents_low INTEGER NOT NULL, PRIMARY KEY (stage, account_id, contract_id))`);
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_roles (id TEXT PRIMARY KEY, hourly_rate TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_work_types (id TEXT PRIMARY KEY, billable INTEGER NOT NULL, modifier TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_contracts (id TEXT PRIMARY KEY, type TEXT NOT NULL, account_id TEXT NOT NULL, role_rates TEXT NOT NULL)');
    // An invoiced item leaves the dashboard; its row waits here, whole, for a void to bring it back.
    db.exec('CREATE TABLE IF NOT EXISTS dashboard_invoiced (billing_item_id TEXT PRIMARY KEY, row_json TEXT NOT NULL)');
    const upsertRow =
      db.prepare(`INSERT INTO dashboard_items (key, stage, source_item_id, source_type, item_type, billing_item_id, account_id, contract_id, work_type_id, resource_id, item_date, item_day, hours, amount_cents, coverage, logged_at, item_head)
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
    // Its integers as bigints, so the cents come back exact.
    type StoredRow = RowValues & { item_day: bigint; item_head: string; pending_json: string | null };
    const rowAt = db.prepare<[string], StoredRow>('SELECT * FROM dashboard_items WHERE key = ?').safeIntegers();
    const addToTotals = db.prepare<[string, string, string, number, bigint, bigint], { count: number }>(
      `INSERT INTO dashboard_totals (stage, account_id, contract_id, count, cents_high, cents_low) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(stage, account_id, contract_id) DO UPDATE SET count = count + excluded.count,
        cents_high = cents_high + excluded.cents_high, cents_low = cents_low + excluded.cents_low RETURNING count`,
    );
    const drop = db.prepare('DELETE FROM dashboard_totals WHERE stage = ? AND account_id = ? AND contract_id = ?');
    const count = (row: Counted | null | undefined, sign: 1 | -1) => {
      if (!row) return;
      const signed = BigInt(sign) * row.amount_cents;
      const { count: left } = addToTotals.get(row.stage, row.account_id, row.contract_id ?? '', sign, highCents(signed), lowCents(signed))!;
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
    /** A row's values as `pending_json` keeps them (JSON has no bigint: the cents as a string) and back. */
    const pendingJsonOf = (row: RowValues) => JSON.stringify({ ...row, amount_cents: String(row.amount_cents) });
    const rowOfPendingJson = (json: string): RowValues => {
      const row = JSON.parse(json) as Omit<RowValues, 'amount_cents'> & { amount_cents: string };
      return { ...row, amount_cents: BigInt(row.amount_cents) };
    };

    const putAside = db.prepare('INSERT OR REPLACE INTO dashboard_invoiced (billing_item_id, row_json) VALUES (?, ?)');
    const setAside = db.prepare<[string], { row_json: string }>('SELECT row_json FROM dashboard_invoiced WHERE billing_item_id = ?');
    const takeBack = db.prepare('DELETE FROM dashboard_invoiced WHERE billing_item_id = ?');
    const restore =
      db.prepare(`INSERT INTO dashboard_items (key, stage, source_item_id, source_type, item_type, billing_item_id, account_id, contract_id, work_type_id, resource_id, item_date, item_day, hours, amount_cents, coverage, logged_at, item_head, pending_json)
      VALUES (@key, @stage, @source_item_id, @source_type, @item_type, @billing_item_id, @account_id, @contract_id, @work_type_id, @resource_id, @item_date, @item_day, @hours, @amount_cents, @coverage, @logged_at, @item_head, @pending_json)`);
    /** A whole stored row as JSON (which has no bigint: its integers as strings) and back. */
    const storedJsonOf = (row: StoredRow) => JSON.stringify({ ...row, amount_cents: String(row.amount_cents), item_day: String(row.item_day) });
    const rowOfStoredJson = (json: string): StoredRow => {
      const row = JSON.parse(json) as Omit<StoredRow, 'amount_cents' | 'item_day'> & { amount_cents: string; item_day: string };
      return { ...row, amount_cents: BigInt(row.amount_cents), item_day: BigInt(row.item_day) };
    };

    const pendingKey = (sourceType: SourceType, id: string) => `src:${sourceType}:${id}`;
    const pending = (
      recorded: RecordedEvent,
      sourceType: SourceType,
      f: {
        id: string;
        accountId: string;
        contractId: string | null;
        itemDate: string;
        hours?: string | null;
        workTypeId?: string | null;
        resourceId?: string | null;
        amount: string;
        coverage: Coverage;
      },
    ) => {
      const row: RowValues = {
        key: pendingKey(sourceType, f.id),
        stage: 'AWAITING_POSTING',
        source_item_id: f.id,
        source_type: sourceType,
        item_type: ITEM_TYPE_OF_SOURCE[sourceType],
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

    const purchase = (recorded: RecordedEvent, sourceType: SourceType, p: { purchaseId: string; contractId: string; startDate: string }, amount: Dec) => {
      const c = contract.get(p.contractId);
      pending(recorded, sourceType, {
        id: p.purchaseId,
        accountId: c?.account_id ?? '',
        contractId: p.contractId,
        itemDate: p.startDate,
        amount: amount.toFixed(),
        coverage: 'billable',
      });
    };

    /** An item accrual created (billing-rules §7), at the amount it was accrued with. */
    const accrued = (recorded: RecordedEvent, sourceType: SourceType, a: { itemId: string; contractId: string; amount: string }, itemDate: string) =>
      pending(recorded, sourceType, {
        id: a.itemId,
        accountId: contract.get(a.contractId)?.account_id ?? '',
        contractId: a.contractId,
        itemDate,
        amount: a.amount,
        coverage: 'billable',
      });

    /**
     * A licence count held beyond the tolerance is a stuck item until finance decides it: a row at
     * 0.00 (nothing is billed until it is confirmed), dated its effective date, always stuck.
     */
    const heldCountKey = (exceptionId: string) => `lic:${exceptionId}`;
    const holdCount = (recorded: RecordedEvent, e: { exceptionId: string; contractId: string; effectiveDate: string }) => {
      const row: RowValues = {
        key: heldCountKey(e.exceptionId),
        stage: 'AWAITING_POSTING',
        source_item_id: e.exceptionId,
        source_type: HELD_LICENCE_COUNT,
        item_type: HELD_LICENCE_COUNT,
        billing_item_id: null,
        account_id: contract.get(e.contractId)?.account_id ?? '',
        contract_id: e.contractId,
        work_type_id: null,
        resource_id: null,
        item_date: e.effectiveDate,
        hours: null,
        amount_cents: 0n,
        coverage: 'held',
        logged_at: occurredAt(recorded),
      };
      change(row.key, () => upsert.run(row), { after: () => row });
    };
    const releaseCount = (exceptionId: string) => {
      const key = heldCountKey(exceptionId);
      change(key, () => remove.run(key), { after: () => null });
    };

    /** The labour preview of billing-rules §5 at the rates this read model knows, rated by the domain's rules. */
    const labourPreview = (e: TimeEntryData): { amount: string; coverage: Coverage } => {
      const wt = workType.get(e.workTypeId);
      if (wt && wt.billable === 0) return { amount: '0', coverage: 'no-charge' };
      const c = e.contractId ? contract.get(e.contractId) : undefined;
      switch (labourCoverage(c?.type ?? null)) {
        case 'covered':
          return { amount: '0', coverage: 'covered' };
        case 'prepaid-hours':
        case 'prepaid-money':
          return { amount: '0', coverage: 'prepaid' };
        case 'billed': {
          const roleRates: ContractRoleRate[] = c ? JSON.parse(c.role_rates) : [];
          const snapshot = c && e.contractId ? { id: e.contractId, type: c.type, roleRates } : null;
          const base = baseLabourRate(snapshot, { id: e.roleId, hourlyRate: role.get(e.roleId)?.hourly_rate ?? '0', hourlyCost: '0' });
          const modifier: WorkTypeModifier = wt ? JSON.parse(wt.modifier) : { type: 'none' };
          return { amount: rateLabour(base.rate, rateModifierOf(modifier), dec(e.hoursToBill)).amount.toFixed(), coverage: 'billable' };
        }
      }
    };

    return (event, recorded) => {
      switch (event.type) {
        case 'RoleCreated':
          addRole.run(event.data.roleId, event.data.hourlyRate);
          return;
        case 'WorkTypeCreated':
          addWorkType.run(event.data.workTypeId, event.data.billable ? 1 : 0, JSON.stringify(event.data.modifier));
          return;
        case 'ContractCreated':
          addContract.run(event.data.contractId, event.data.type, event.data.accountId, JSON.stringify(event.data.roleRates ?? []));
          return;
        case 'TimeEntryLogged':
        case 'TimeEntryRevised': {
          const e = event.data;
          return void pending(recorded, 'TIME_ENTRY', {
            id: e.timeEntryId,
            accountId: e.accountId,
            contractId: e.contractId,
            itemDate: e.dateWorked,
            hours: e.hoursToBill,
            workTypeId: e.workTypeId,
            resourceId: e.resourceId,
            ...labourPreview(e),
          });
        }
        case 'ChargeRecorded': {
          const c = event.data;
          const amount = c.billable ? dec(c.quantity).times(c.unitPrice).toFixed() : '0';
          return void pending(recorded, 'CHARGE', {
            id: c.chargeId,
            accountId: c.accountId,
            contractId: c.contractId,
            itemDate: c.date,
            amount,
            coverage: c.billable ? 'billable' : 'no-charge',
          });
        }
        case 'ExpenseRecorded': {
          const x = event.data;
          return void pending(recorded, 'EXPENSE', {
            id: x.expenseId,
            accountId: x.accountId,
            contractId: x.contractId,
            itemDate: x.date,
            amount: x.billable ? x.amount : '0',
            coverage: x.billable ? 'billable' : 'no-charge',
          });
        }
        case 'TicketCompleted': {
          const t = event.data;
          return void pending(recorded, 'TICKET', {
            id: t.itemId,
            accountId: t.accountId,
            contractId: t.contractId,
            itemDate: t.date,
            amount: '0',
            coverage: 'prepaid',
          });
        }
        case 'BlockPurchased':
          return void purchase(recorded, 'BLOCK_PURCHASE', event.data, dec(event.data.hours).times(event.data.hourlyRate));
        case 'RetainerPurchased':
          return void purchase(recorded, 'RETAINER_PURCHASE', event.data, dec(event.data.amount));
        case 'TicketsPurchased':
          return void purchase(recorded, 'TICKET_PURCHASE', event.data, dec(event.data.tickets).times(event.data.perTicketRate));
        case 'ServicePeriodAccrued':
          return void accrued(recorded, 'SERVICE_PERIOD', event.data, event.data.periodStart);
        case 'ServiceAdjustmentAccrued':
          return void accrued(recorded, 'SERVICE_ADJUSTMENT', event.data, event.data.fromDate);
        case 'SetupFeeAccrued':
          return void accrued(recorded, 'SETUP_FEE', event.data, event.data.date);
        // A milestone is revenue waiting only for its date once it is ready: shown from then, dated its due date.
        case 'MilestoneReadyToBill':
          return void accrued(recorded, 'MILESTONE', { itemId: event.data.milestoneId, ...event.data }, event.data.dueDate);
        case 'LicenceChangeHeld':
          return void holdCount(recorded, event.data);
        case 'LicenceExceptionConfirmed':
        case 'LicenceExceptionRejected':
        case 'LicenceExceptionSuperseded':
          return void releaseCount(event.data.exceptionId);
        case 'ItemPosted': {
          const item = event.data;
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
            change(sourceKey, () => rewrite(inPlace, pendingJsonOf(pending), pending), { before: pending, after: () => inPlace });
          } else {
            change(posted.key, () => upsert.run(posted), { before: null, after: () => posted });
          }
          return;
        }
        case 'ItemUnposted': {
          const unposted = event.data;
          const sourceKey = pendingKey(unposted.sourceType, unposted.sourceItemId);
          for (const id of unposted.billingItemIds) {
            const source = rowAt.get(sourceKey);
            if (source?.billing_item_id === id && source.pending_json !== null) {
              const pending = rowOfPendingJson(source.pending_json);
              change(sourceKey, () => rewrite(pending, null, valuesOf(source)), { before: source, after: () => pending });
            } else {
              change(`bi:${id}`, () => remove.run(`bi:${id}`), { after: () => null });
            }
          }
          return;
        }
        case 'InvoiceGenerated': {
          for (const item of event.data.items) {
            const sourceKey = pendingKey(item.sourceType, item.sourceItemId);
            const atSource = rowAt.get(sourceKey);
            const row = atSource?.billing_item_id === item.billingItemId ? atSource : rowAt.get(`bi:${item.billingItemId}`);
            if (!row) continue;
            putAside.run(item.billingItemId, storedJsonOf(row));
            change(row.key, () => remove.run(row.key), { before: row, after: () => null });
          }
          return;
        }
        case 'InvoiceVoided': {
          for (const id of event.data.billingItemIds) {
            const aside = setAside.get(id);
            if (!aside) continue;
            const row = rowOfStoredJson(aside.row_json);
            takeBack.run(id);
            change(row.key, () => restore.run(row), { before: null, after: () => row });
          }
          return;
        }
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
