import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { ExclusionSetEvent } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

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

export const exclusionSetsProjection: Projection = {
  name: 'exclusion-sets',
  version: 1,
  tables: ['exclusion_sets'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS exclusion_sets (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, work_type_ids TEXT NOT NULL, role_ids TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO exclusion_sets (id, name, work_type_ids, role_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE exclusion_sets SET name = ?, work_type_ids = ?, role_ids = ?, updated_at = ? WHERE id = ?');
    return (recorded) => {
      const event = domainEvent<ExclusionSetEvent>(recorded);
      switch (event.type) {
        case 'ExclusionSetCreated': {
          const t = event.data;
          const at = occurredAt(recorded);
          insert.run(t.exclusionSetId, t.name, JSON.stringify(t.workTypeIds), JSON.stringify(t.roleIds), at, at);
          return;
        }
        case 'ExclusionSetChanged': {
          const t = event.data;
          update.run(t.name, JSON.stringify(t.workTypeIds), JSON.stringify(t.roleIds), occurredAt(recorded), t.exclusionSetId);
          return;
        }
      }
    };
  },
};

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
