import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const workTypesProjection = billingProjection({
  name: 'work-types',
  version: 1,
  tables: ['work_types'],
  canHandle: ['WorkTypeCreated'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS work_types (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, billable INTEGER NOT NULL, show_on_invoice INTEGER NOT NULL, tax_category TEXT,
      min_hours TEXT, max_hours TEXT, modifier_type TEXT NOT NULL, modifier_value TEXT, created_at TEXT NOT NULL)`);
    const insert = db.prepare(
      `INSERT INTO work_types (id, name, billable, show_on_invoice, tax_category, min_hours, max_hours, modifier_type, modifier_value, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (event, recorded) => {
      switch (event.type) {
        case 'WorkTypeCreated': {
          const t = event.data;
          const value = t.modifier.type === 'none' ? null : t.modifier.value;
          insert.run(
            t.workTypeId,
            t.name,
            t.billable ? 1 : 0,
            t.showOnInvoice ? 1 : 0,
            t.taxCategory,
            t.minHours,
            t.maxHours,
            t.modifier.type,
            value,
            occurredAt(recorded),
          );
          return;
        }
        default: {
          const unknown: never = event.type;
          return unknown;
        }
      }
    };
  },
});
