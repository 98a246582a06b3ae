import type Database from 'better-sqlite3';
import type { RoleTerms } from '@billing/domain';
import { cached } from '../cached-statement';

/** A role; money and multipliers as canonical decimal strings ("150", "62.5"). */
export type RoleView = { id: string } & Omit<RoleTerms, 'roleId'> & { createdAt: string };

interface RoleRow {
  id: string;
  name: string;
  hourly_rate: string;
  hourly_cost: string;
  block_hour_multiplier: string;
  created_at: string;
}

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
