import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { WorkTypeModifier, WorkTypeTerms } from '@billing/domain';

/** A work type; hours and the modifier value as canonical decimal strings. */
export type WorkTypeView = { id: string } & Omit<WorkTypeTerms, 'workTypeId'> & { createdAt: string };

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
