import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { selectPage, type PageBounds, type RowPage } from '../page';
import { SqlWhere } from '../sql-where';
import type { SourceType } from '@billing/domain';

/** Where a source item is on its way to money (a milestone is `NOT_READY` until it is marked ready to bill). */
export type WorkItemStatus = 'NOT_READY' | 'PENDING' | 'APPROVED' | 'POSTED';

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
  /** Milestones only once due by this date (billing-rules §7: billable when ready and due). */
  dueBy?: string;
}

function whereOf(filter: WorkItemFilter): SqlWhere {
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
  return filter.dueBy === undefined ? where : where.also("(source_type <> 'MILESTONE' OR item_date <= ?)", filter.dueBy);
}

/** By date, then id (an id two kinds of item share: by source type). */
const WORK_ITEM_ORDER = 'item_date, item_id, source_type';

/** Every item the filter selects: for lists that stay small (a ticket's time entries); a list that grows is paged. */
export function listWorkItems(db: Database.Database, filter: WorkItemFilter): WorkItemRow[] {
  const where = whereOf(filter);
  return cached<unknown[], Row>(db, `SELECT * FROM work_items${where.clause} ORDER BY ${WORK_ITEM_ORDER}`)
    .all(...where.params)
    .map(toRow);
}

/** A page of the items the filter selects, and how many it selects. */
export function pageWorkItems(db: Database.Database, filter: WorkItemFilter, page: PageBounds): RowPage<WorkItemRow> {
  const { rows, total } = selectPage<Row>(db, { columns: '*', from: 'work_items', where: whereOf(filter), orderBy: WORK_ITEM_ORDER }, page);
  return { rows: rows.map(toRow), total };
}
