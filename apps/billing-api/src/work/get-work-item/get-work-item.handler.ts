import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findWorkItem, type WorkItemStatus } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetWorkItemQuery } from './get-work-item.query';

/** A charge, expense or completed ticket as recorded, with where it stands. */
export type WorkItemView = Record<string, unknown> & { id: string; status: WorkItemStatus };

@QueryHandler(GetWorkItemQuery)
export class GetWorkItemHandler implements IQueryHandler<GetWorkItemQuery, WorkItemView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ sourceType, itemId, idField }: GetWorkItemQuery): Promise<WorkItemView> {
    const row = findWorkItem(this.db, itemId, sourceType);
    if (!row) throw new NotFound(sourceType.toLowerCase().replace('_', ' '), itemId);
    const { [idField]: id, ...rest } = row.data;
    return { id: String(id), ...rest, status: row.status };
  }
}
