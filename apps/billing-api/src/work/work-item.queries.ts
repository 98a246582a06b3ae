import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { NotFound, type SourceType } from '@billing/domain';
import { findWorkItem, type WorkItemStatus } from '@billing/projections';
import { READ_MODEL_DB } from '../infrastructure/read-models.module';

/** A charge, expense or completed ticket as recorded, with where it stands. */
export type WorkItemView = Record<string, unknown> & { id: string; status: WorkItemStatus };

@Injectable()
export class WorkItemQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  get(sourceType: SourceType, itemId: string, idField: string): WorkItemView {
    const row = findWorkItem(this.db, itemId, sourceType);
    if (!row) throw new NotFound(sourceType.toLowerCase().replace('_', ' '), itemId);
    const { [idField]: id, ...rest } = row.data;
    return { id: String(id), ...rest, status: row.status };
  }
}
