import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound, type TimeEntryData } from '@billing/domain';
import { findWorkItem, pageWorkItems, type WorkItemRow, type WorkItemStatus } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../../http/paging';
import { READ_MODEL_DB } from '../../../infrastructure/read-model-db.token';
import { GetTimeEntryQuery, ListTimeEntriesQuery } from './get-time-entries.query';

/** A time entry as logged (routing and hours to bill included), with where it stands. */
export type TimeEntryView = { id: string } & Omit<TimeEntryData, 'timeEntryId' | 'requestedContractId'> & { status: WorkItemStatus; loggedAt: string };

function toView(row: WorkItemRow): TimeEntryView {
  // The work-items read model keeps a time entry's row data as the TimeEntryData of its last event.
  const e = row.data as unknown as TimeEntryData;
  return {
    id: e.timeEntryId,
    accountId: e.accountId,
    resourceId: e.resourceId,
    roleId: e.roleId,
    workTypeId: e.workTypeId,
    dateWorked: e.dateWorked,
    startTime: e.startTime,
    hoursWorked: e.hoursWorked,
    offsetHours: e.offsetHours,
    ticketId: e.ticketId,
    summary: e.summary,
    contractId: e.contractId,
    routing: e.routing,
    hoursToBill: e.hoursToBill,
    status: row.status,
    loggedAt: row.loggedAt,
  };
}

@QueryHandler(GetTimeEntryQuery)
export class GetTimeEntryHandler implements IQueryHandler<GetTimeEntryQuery, TimeEntryView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ timeEntryId }: GetTimeEntryQuery): Promise<TimeEntryView> {
    const row = findWorkItem(this.db, timeEntryId, 'TIME_ENTRY');
    if (!row) throw new NotFound('time entry', timeEntryId);
    return toView(row);
  }
}

@QueryHandler(ListTimeEntriesQuery)
export class ListTimeEntriesHandler implements IQueryHandler<ListTimeEntriesQuery, PageAnswer<TimeEntryView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter, page }: ListTimeEntriesQuery): Promise<PageAnswer<TimeEntryView>> {
    const { rows, total } = pageWorkItems(this.db, { ...filter, sourceType: 'TIME_ENTRY' }, page);
    return pageAnswer(rows.map(toView), total, page);
  }
}
