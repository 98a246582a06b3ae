import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { WorkTypeEvent, WorkTypeModifier } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

/** A work type; hours and the modifier value as canonical decimal strings. */
export interface WorkTypeView {
  id: string;
  name: string;
  billable: boolean;
  showOnInvoice: boolean;
  taxCategory: string | null;
  minHours: string | null;
  maxHours: string | null;
  modifier: WorkTypeModifier;
  createdAt: string;
}

interface WorkTypeRow {
  id: string;
  name: string;
  billable: number;
  show_on_invoice: number;
  tax_category: string | null;
  min_hours: string | null;
  max_hours: string | null;
  modifier_type: WorkTypeModifier['type'];
  modifier_value: string | null;
  created_at: string;
}

export const workTypesProjection: Projection = {
  name: 'work-types',
  version: 1,
  tables: ['work_types'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS work_types (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, billable INTEGER NOT NULL, show_on_invoice INTEGER NOT NULL, tax_category TEXT,
      min_hours TEXT, max_hours TEXT, modifier_type TEXT NOT NULL, modifier_value TEXT, created_at TEXT NOT NULL)`);
    const insert = db.prepare(
      `INSERT INTO work_types (id, name, billable, show_on_invoice, tax_category, min_hours, max_hours, modifier_type, modifier_value, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (recorded) => {
      const event = domainEvent<WorkTypeEvent>(recorded);
      switch (event.type) {
        case 'WorkTypeCreated': {
          const t = event.data;
          const value = t.modifier.type === 'none' ? null : t.modifier.value;
          insert.run(t.workTypeId, t.name, t.billable ? 1 : 0, t.showOnInvoice ? 1 : 0, t.taxCategory, t.minHours, t.maxHours, t.modifier.type, value, occurredAt(recorded));
          return;
        }
      }
    };
  },
};

function toView(row: WorkTypeRow): WorkTypeView {
  return {
    id: row.id,
    name: row.name,
    billable: row.billable === 1,
    showOnInvoice: row.show_on_invoice === 1,
    taxCategory: row.tax_category,
    minHours: row.min_hours,
    maxHours: row.max_hours,
    modifier: row.modifier_type === 'none' ? { type: 'none' } : { type: row.modifier_type, value: row.modifier_value ?? '0' },
    createdAt: row.created_at,
  };
}

export function findWorkType(db: Database.Database, id: string): WorkTypeView | undefined {
  const row = cached<[string], WorkTypeRow>(db, 'SELECT * FROM work_types WHERE id = ?').get(id);
  return row && toView(row);
}

export function listWorkTypes(db: Database.Database): WorkTypeView[] {
  return cached<[], WorkTypeRow>(db, 'SELECT * FROM work_types ORDER BY name, id').all().map(toView);
}
