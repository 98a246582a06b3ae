import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import type { BillingItemData, ItemApprovedData, ItemUnpostedData, SourceType, TimeEntryData } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

/** Where a source item is on its way to money. */
export type WorkItemStatus = 'PENDING' | 'APPROVED' | 'POSTED';

/** The type a pending item shows under (billing item vocabulary: a time entry is LABOR). */
export const ITEM_TYPE_OF_SOURCE: Record<SourceType, string> = {
  TIME_ENTRY: 'LABOR',
  CHARGE: 'CHARGE',
  EXPENSE: 'EXPENSE',
  BLOCK_PURCHASE: 'BLOCK_PURCHASE',
  RETAINER_PURCHASE: 'RETAINER_PURCHASE',
  TICKET_PURCHASE: 'TICKET_PURCHASE',
  TICKET: 'TICKET',
};

/** Sources that are approved on their own stream before posting (editable until then). */
export const EDITABLE_SOURCES: readonly SourceType[] = ['TIME_ENTRY', 'CHARGE', 'EXPENSE'];

export interface WorkItemRef {
  itemId: string;
  sourceType: SourceType;
  streamId: string;
  accountId: string;
  contractId: string | null;
  itemDate: string;
  status: WorkItemStatus;
}

export interface WorkItemRow extends WorkItemRef {
  itemType: string;
  resourceId: string | null;
  workTypeId: string | null;
  ticketId: string | null;
  data: Record<string, unknown>;
  loggedAt: string;
}

interface Row {
  item_id: string;
  source_type: SourceType;
  item_type: string;
  stream_id: string;
  account_id: string;
  contract_id: string | null;
  item_date: string;
  status: WorkItemStatus;
  resource_id: string | null;
  work_type_id: string | null;
  ticket_id: string | null;
  data: string;
  logged_at: string;
}

const toRow = (r: Row): WorkItemRow => ({
  itemId: r.item_id,
  sourceType: r.source_type,
  itemType: r.item_type,
  streamId: r.stream_id,
  accountId: r.account_id,
  contractId: r.contract_id,
  itemDate: r.item_date,
  status: r.status,
  resourceId: r.resource_id,
  workTypeId: r.work_type_id,
  ticketId: r.ticket_id,
  data: JSON.parse(r.data),
  loggedAt: r.logged_at,
});

interface PurchaseData {
  contractId: string;
  purchaseId: string;
  startDate: string;
}

/**
 * Every source item (time entries, charges, expenses, purchases, completed tickets) with where it
 * stands: pending, approved, posted. Approve & Post finds items here by id; `GET /api/time-entries`
 * reads it.
 */
export const workItemsProjection: Projection = {
  name: 'work-items',
  version: 1,
  tables: ['work_items', 'work_contract_accounts'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS work_items (
      item_id TEXT NOT NULL, source_type TEXT NOT NULL, item_type TEXT NOT NULL, stream_id TEXT NOT NULL,
      account_id TEXT NOT NULL, contract_id TEXT, item_date TEXT NOT NULL, status TEXT NOT NULL,
      resource_id TEXT, work_type_id TEXT, ticket_id TEXT, data TEXT NOT NULL, logged_at TEXT NOT NULL,
      PRIMARY KEY (item_id, source_type))`);
    db.exec('CREATE INDEX IF NOT EXISTS work_items_by_status ON work_items (status, account_id, item_date)');
    db.exec('CREATE INDEX IF NOT EXISTS work_items_by_ticket ON work_items (ticket_id)');
    db.exec('CREATE TABLE IF NOT EXISTS work_contract_accounts (contract_id TEXT PRIMARY KEY, account_id TEXT NOT NULL)');
    const upsert = db.prepare(`INSERT INTO work_items (item_id, source_type, item_type, stream_id, account_id, contract_id, item_date, status, resource_id, work_type_id, ticket_id, data, logged_at)
      VALUES (@item_id, @source_type, @item_type, @stream_id, @account_id, @contract_id, @item_date, 'PENDING', @resource_id, @work_type_id, @ticket_id, @data, @logged_at)
      ON CONFLICT(item_id, source_type) DO UPDATE SET contract_id = excluded.contract_id, item_date = excluded.item_date,
        work_type_id = excluded.work_type_id, ticket_id = excluded.ticket_id, data = excluded.data`);
    const setStatusByStream = db.prepare('UPDATE work_items SET status = ? WHERE stream_id = ? AND item_id = ?');
    const setStatus = db.prepare('UPDATE work_items SET status = ? WHERE item_id = ? AND source_type = ?');
    const rememberContract = db.prepare('INSERT OR IGNORE INTO work_contract_accounts (contract_id, account_id) VALUES (?, ?)');
    const contractAccount = db.prepare<[string], { account_id: string }>('SELECT account_id FROM work_contract_accounts WHERE contract_id = ?');

    const item = (recorded: RecordedEvent, sourceType: SourceType, fields: { itemId: string; accountId: string; contractId: string | null; itemDate: string; resourceId?: string | null; workTypeId?: string | null; ticketId?: string | null; data: unknown }) =>
      upsert.run({
        item_id: fields.itemId,
        source_type: sourceType,
        item_type: ITEM_TYPE_OF_SOURCE[sourceType],
        stream_id: recorded.streamId,
        account_id: fields.accountId,
        contract_id: fields.contractId,
        item_date: fields.itemDate,
        resource_id: fields.resourceId ?? null,
        work_type_id: fields.workTypeId ?? null,
        ticket_id: fields.ticketId ?? null,
        data: JSON.stringify(fields.data),
        logged_at: occurredAt(recorded),
      });

    const purchase = (recorded: RecordedEvent, data: PurchaseData, sourceType: SourceType) => {
      const accountId = contractAccount.get(data.contractId)?.account_id ?? '';
      item(recorded, sourceType, { itemId: data.purchaseId, accountId, contractId: data.contractId, itemDate: data.startDate, data });
    };

    return (recorded) => {
      const event = domainEvent(recorded);
      switch (event.type) {
        case 'ContractCreated': {
          const terms = event.data as { contractId: string; accountId: string };
          rememberContract.run(terms.contractId, terms.accountId);
          return;
        }
        case 'TimeEntryLogged':
        case 'TimeEntryRevised': {
          const { changedFields: _changed, ...entry } = event.data as TimeEntryData & { changedFields?: string[] };
          return item(recorded, 'TIME_ENTRY', {
            itemId: entry.timeEntryId,
            accountId: entry.accountId,
            contractId: entry.contractId,
            itemDate: entry.dateWorked,
            resourceId: entry.resourceId,
            workTypeId: entry.workTypeId,
            ticketId: entry.ticketId,
            data: entry,
          });
        }
        case 'ChargeRecorded': {
          const charge = event.data as { chargeId: string; accountId: string; contractId: string | null; date: string };
          return item(recorded, 'CHARGE', { itemId: charge.chargeId, accountId: charge.accountId, contractId: charge.contractId, itemDate: charge.date, data: charge });
        }
        case 'ExpenseRecorded': {
          const expense = event.data as { expenseId: string; accountId: string; contractId: string | null; date: string };
          return item(recorded, 'EXPENSE', { itemId: expense.expenseId, accountId: expense.accountId, contractId: expense.contractId, itemDate: expense.date, data: expense });
        }
        case 'TicketCompleted': {
          const ticket = event.data as { itemId: string; ticketId: string; accountId: string; contractId: string; date: string };
          return item(recorded, 'TICKET', { itemId: ticket.itemId, accountId: ticket.accountId, contractId: ticket.contractId, itemDate: ticket.date, ticketId: ticket.ticketId, data: ticket });
        }
        case 'BlockPurchased':
          return purchase(recorded, event.data as PurchaseData, 'BLOCK_PURCHASE');
        case 'RetainerPurchased':
          return purchase(recorded, event.data as PurchaseData, 'RETAINER_PURCHASE');
        case 'TicketsPurchased':
          return purchase(recorded, event.data as PurchaseData, 'TICKET_PURCHASE');
        case 'ItemApproved':
          setStatusByStream.run('APPROVED', recorded.streamId, (event.data as ItemApprovedData).itemId);
          return;
        case 'ItemReleased':
          setStatusByStream.run('PENDING', recorded.streamId, (event.data as { itemId: string }).itemId);
          return;
        case 'ItemPosted': {
          const posted = event.data as BillingItemData;
          setStatus.run('POSTED', posted.sourceItemId, posted.sourceType);
          return;
        }
        case 'ItemUnposted': {
          const unposted = event.data as ItemUnpostedData;
          // Editable sources stay approved until their own stream releases them.
          setStatus.run(EDITABLE_SOURCES.includes(unposted.sourceType) ? 'APPROVED' : 'PENDING', unposted.sourceItemId, unposted.sourceType);
          return;
        }
      }
    };
  },
};

export function findWorkItems(db: Database.Database, itemId: string): WorkItemRow[] {
  return cached<[string], Row>(db, 'SELECT * FROM work_items WHERE item_id = ?').all(itemId).map(toRow);
}

export function findWorkItem(db: Database.Database, itemId: string, sourceType: SourceType): WorkItemRow | undefined {
  const row = cached<[string, string], Row>(db, 'SELECT * FROM work_items WHERE item_id = ? AND source_type = ?').get(itemId, sourceType);
  return row && toRow(row);
}

export interface WorkItemFilter {
  sourceType?: SourceType;
  itemType?: string;
  accountId?: string;
  contractId?: string;
  resourceId?: string;
  ticketId?: string;
  statuses?: WorkItemStatus[];
  from?: string;
  to?: string;
}

export function listWorkItems(db: Database.Database, filter: WorkItemFilter): WorkItemRow[] {
  const where = new SqlWhere()
    .when('source_type', '=', filter.sourceType)
    .when('item_type', '=', filter.itemType)
    .when('account_id', '=', filter.accountId)
    .when('contract_id', '=', filter.contractId)
    .when('resource_id', '=', filter.resourceId)
    .when('ticket_id', '=', filter.ticketId)
    .when('item_date', '>=', filter.from)
    .when('item_date', '<=', filter.to)
    .whenIn('status', filter.statuses);
  return cached<unknown[], Row>(db, `SELECT * FROM work_items${where.clause} ORDER BY item_date, item_id`).all(...where.params).map(toRow);
}
