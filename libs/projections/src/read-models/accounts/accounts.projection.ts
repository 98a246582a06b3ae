import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const accountsProjection = billingProjection({
  name: 'accounts',
  version: 1,
  tables: ['accounts'],
  canHandle: ['AccountCreated'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_account_id TEXT, invoice_to_parent INTEGER NOT NULL,
      tax_region_id TEXT, tax_exempt INTEGER NOT NULL, payment_terms_days INTEGER NOT NULL, currency TEXT NOT NULL,
      created_at TEXT NOT NULL)`);
    const insert = db.prepare(
      'INSERT INTO accounts (id, name, parent_account_id, invoice_to_parent, tax_region_id, tax_exempt, payment_terms_days, currency, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return (event, recorded) => {
      switch (event.type) {
        case 'AccountCreated': {
          const t = event.data;
          insert.run(
            t.accountId,
            t.name,
            t.parentAccountId,
            t.invoiceToParent ? 1 : 0,
            t.taxRegionId,
            t.taxExempt ? 1 : 0,
            t.paymentTermsDays,
            t.currency,
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
