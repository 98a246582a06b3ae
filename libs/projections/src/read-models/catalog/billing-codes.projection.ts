import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const billingCodesProjection = billingProjection({
  name: 'billing-codes',
  version: 1,
  tables: ['billing_codes'],
  canHandle: ['BillingCodeCreated'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS billing_codes (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, tax_category TEXT, gl_account TEXT, created_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO billing_codes (id, name, type, tax_category, gl_account, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    return (event, recorded) => {
      switch (event.type) {
        case 'BillingCodeCreated': {
          const t = event.data;
          insert.run(t.billingCodeId, t.name, t.type, t.taxCategory, t.glAccount, occurredAt(recorded));
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
