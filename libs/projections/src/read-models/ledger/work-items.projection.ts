import { isEditableSource, type SourceType, type TimeEntryData } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';
import { ITEM_TYPE_OF_SOURCE } from './item-type-of-source';

interface WorkItemFields {
  itemId: string;
  accountId: string;
  contractId: string | null;
  itemDate: string;
  resourceId?: string | null;
  workTypeId?: string | null;
  ticketId?: string | null;
  data: unknown;
}

/** A time entry as logged or revised, without the list of fields a revision changed. */
function entryOf(data: TimeEntryData & { changedFields?: string[] }): TimeEntryData {
  const { changedFields: _changed, ...entry } = data;
  return entry;
}

/**
 * Every source item (time entries, charges, expenses, purchases, completed tickets, accrued service
 * periods, adjustments and setup fees, milestones) with where it
 * stands: pending, approved, posted (a milestone not ready to bill: not ready). Approve & Post finds
 * items here by id; `GET /api/time-entries` reads it.
 */
export const workItemsProjection = billingProjection({
  name: 'work-items',
  version: 4,
  tables: ['work_items', 'work_contract_accounts'],
  canHandle: [
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
    'MilestoneAdded',
    'MilestoneReadyToBill',
    'ItemApproved',
    'ItemReleased',
    'ItemPosted',
    'ItemUnposted',
  ],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS work_items (
      item_id TEXT NOT NULL, source_type TEXT NOT NULL, item_type TEXT NOT NULL, stream_id TEXT NOT NULL,
      account_id TEXT NOT NULL, contract_id TEXT, item_date TEXT NOT NULL, status TEXT NOT NULL,
      resource_id TEXT, work_type_id TEXT, ticket_id TEXT, data TEXT NOT NULL, logged_at TEXT NOT NULL,
      PRIMARY KEY (item_id, source_type))`);
    db.exec('CREATE INDEX IF NOT EXISTS work_items_by_status ON work_items (status, account_id, item_date)');
    db.exec('CREATE INDEX IF NOT EXISTS work_items_by_ticket ON work_items (ticket_id)');
    db.exec('CREATE INDEX IF NOT EXISTS work_items_by_date ON work_items (source_type, item_date, item_id)');
    db.exec('CREATE TABLE IF NOT EXISTS work_contract_accounts (contract_id TEXT PRIMARY KEY, account_id TEXT NOT NULL)');
    const upsert =
      db.prepare(`INSERT INTO work_items (item_id, source_type, item_type, stream_id, account_id, contract_id, item_date, status, resource_id, work_type_id, ticket_id, data, logged_at)
      VALUES (@item_id, @source_type, @item_type, @stream_id, @account_id, @contract_id, @item_date, 'PENDING', @resource_id, @work_type_id, @ticket_id, @data, @logged_at)
      ON CONFLICT(item_id, source_type) DO UPDATE SET contract_id = excluded.contract_id, item_date = excluded.item_date,
        work_type_id = excluded.work_type_id, ticket_id = excluded.ticket_id, data = excluded.data`);
    const setStatusByStream = db.prepare('UPDATE work_items SET status = ? WHERE stream_id = ? AND item_id = ?');
    const setStatus = db.prepare('UPDATE work_items SET status = ? WHERE item_id = ? AND source_type = ?');
    const milestoneReady = db.prepare("UPDATE work_items SET status = 'PENDING' WHERE item_id = ? AND source_type = 'MILESTONE' AND status = 'NOT_READY'");
    const rememberContract = db.prepare('INSERT OR IGNORE INTO work_contract_accounts (contract_id, account_id) VALUES (?, ?)');
    const contractAccount = db.prepare<[string], { account_id: string }>('SELECT account_id FROM work_contract_accounts WHERE contract_id = ?');

    const item = (recorded: RecordedEvent, sourceType: SourceType, fields: WorkItemFields) =>
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

    const purchase = (recorded: RecordedEvent, data: { contractId: string; purchaseId: string; startDate: string }, sourceType: SourceType) => {
      const accountId = contractAccount.get(data.contractId)?.account_id ?? '';
      item(recorded, sourceType, { itemId: data.purchaseId, accountId, contractId: data.contractId, itemDate: data.startDate, data });
    };
    const accrued = (recorded: RecordedEvent, data: { contractId: string; itemId: string }, sourceType: SourceType, itemDate: string) => {
      const accountId = contractAccount.get(data.contractId)?.account_id ?? '';
      item(recorded, sourceType, { itemId: data.itemId, accountId, contractId: data.contractId, itemDate, data });
    };

    return (event, recorded) => {
      switch (event.type) {
        case 'ContractCreated':
          rememberContract.run(event.data.contractId, event.data.accountId);
          return;
        case 'TimeEntryLogged':
        case 'TimeEntryRevised': {
          const entry = entryOf(event.data);
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
          const charge = event.data;
          return item(recorded, 'CHARGE', {
            itemId: charge.chargeId,
            accountId: charge.accountId,
            contractId: charge.contractId,
            itemDate: charge.date,
            resourceId: charge.resourceId,
            data: charge,
          });
        }
        case 'ExpenseRecorded': {
          const expense = event.data;
          return item(recorded, 'EXPENSE', {
            itemId: expense.expenseId,
            accountId: expense.accountId,
            contractId: expense.contractId,
            itemDate: expense.date,
            resourceId: expense.resourceId,
            data: expense,
          });
        }
        case 'TicketCompleted': {
          const ticket = event.data;
          return item(recorded, 'TICKET', {
            itemId: ticket.itemId,
            accountId: ticket.accountId,
            contractId: ticket.contractId,
            itemDate: ticket.date,
            ticketId: ticket.ticketId,
            data: ticket,
          });
        }
        case 'BlockPurchased':
          return purchase(recorded, event.data, 'BLOCK_PURCHASE');
        case 'RetainerPurchased':
          return purchase(recorded, event.data, 'RETAINER_PURCHASE');
        case 'TicketsPurchased':
          return purchase(recorded, event.data, 'TICKET_PURCHASE');
        case 'ServicePeriodAccrued':
          return accrued(recorded, event.data, 'SERVICE_PERIOD', event.data.periodStart);
        case 'ServiceAdjustmentAccrued':
          return accrued(recorded, event.data, 'SERVICE_ADJUSTMENT', event.data.fromDate);
        case 'SetupFeeAccrued':
          return accrued(recorded, event.data, 'SETUP_FEE', event.data.date);
        case 'MilestoneAdded': {
          const m = event.data;
          const accountId = contractAccount.get(m.contractId)?.account_id ?? '';
          item(recorded, 'MILESTONE', { itemId: m.milestoneId, accountId, contractId: m.contractId, itemDate: m.dueDate, data: m });
          setStatus.run('NOT_READY', m.milestoneId, 'MILESTONE');
          return;
        }
        case 'MilestoneReadyToBill':
          milestoneReady.run(event.data.milestoneId);
          return;
        case 'ItemApproved':
          setStatusByStream.run('APPROVED', recorded.streamId, event.data.itemId);
          return;
        case 'ItemReleased':
          setStatusByStream.run('PENDING', recorded.streamId, event.data.itemId);
          return;
        case 'ItemPosted':
          setStatus.run('POSTED', event.data.sourceItemId, event.data.sourceType);
          return;
        case 'ItemUnposted': {
          const { sourceItemId, sourceType } = event.data;
          // Editable sources stay approved until their own stream releases them.
          setStatus.run(isEditableSource(sourceType) ? 'APPROVED' : 'PENDING', sourceItemId, sourceType);
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
