import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';

/** An exclusion set as it is now (its ids sorted); `updatedAt` is when it last changed. */
export interface ExclusionSetView {
  id: string;
  name: string;
  workTypeIds: string[];
  roleIds: string[];
  createdAt: string;
  updatedAt: string;
}

interface ExclusionSetRow {
  id: string;
  name: string;
  work_type_ids: string;
  role_ids: string;
  created_at: string;
  updated_at: string;
}

function toView(row: ExclusionSetRow): ExclusionSetView {
  return {
    id: row.id,
    name: row.name,
    workTypeIds: JSON.parse(row.work_type_ids) as string[],
    roleIds: JSON.parse(row.role_ids) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findExclusionSet(db: Database.Database, id: string): ExclusionSetView | undefined {
  const row = cached<[string], ExclusionSetRow>(db, 'SELECT * FROM exclusion_sets WHERE id = ?').get(id);
  return row && toView(row);
}

export function listExclusionSets(db: Database.Database): ExclusionSetView[] {
  return cached<[], ExclusionSetRow>(db, 'SELECT * FROM exclusion_sets ORDER BY name, id').all().map(toView);
}
