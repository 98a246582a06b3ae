import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { RoleEvent } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

/** A role; money and multipliers as canonical decimal strings ("150", "62.5"). */
export interface RoleView {
  id: string;
  name: string;
  hourlyRate: string;
  hourlyCost: string;
  blockHourMultiplier: string;
  createdAt: string;
}

interface RoleRow {
  id: string;
  name: string;
  hourly_rate: string;
  hourly_cost: string;
  block_hour_multiplier: string;
  created_at: string;
}

export const rolesProjection: Projection = {
  name: 'roles',
  version: 1,
  tables: ['roles'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS roles (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, hourly_rate TEXT NOT NULL, hourly_cost TEXT NOT NULL,
      block_hour_multiplier TEXT NOT NULL, created_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO roles (id, name, hourly_rate, hourly_cost, block_hour_multiplier, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    return (recorded) => {
      const event = domainEvent<RoleEvent>(recorded);
      switch (event.type) {
        case 'RoleCreated': {
          const t = event.data;
          insert.run(t.roleId, t.name, t.hourlyRate, t.hourlyCost, t.blockHourMultiplier, occurredAt(recorded));
          return;
        }
      }
    };
  },
};

function toView(row: RoleRow): RoleView {
  return {
    id: row.id,
    name: row.name,
    hourlyRate: row.hourly_rate,
    hourlyCost: row.hourly_cost,
    blockHourMultiplier: row.block_hour_multiplier,
    createdAt: row.created_at,
  };
}

export function findRole(db: Database.Database, id: string): RoleView | undefined {
  const row = cached<[string], RoleRow>(db, 'SELECT * FROM roles WHERE id = ?').get(id);
  return row && toView(row);
}

export function listRoles(db: Database.Database): RoleView[] {
  return cached<[], RoleRow>(db, 'SELECT * FROM roles ORDER BY name, id').all().map(toView);
}
