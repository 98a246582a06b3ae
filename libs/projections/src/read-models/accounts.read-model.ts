import type Database from 'better-sqlite3';
import { cached } from './cached-statement';
import type { AccountEvent } from '@billing/domain';
import type { Projection } from '../runner/projection';
import { domainEvent, occurredAt } from './domain-event';

export interface AccountView {
  id: string;
  name: string;
  parentAccountId: string | null;
  invoiceToParent: boolean;
  taxRegionId: string | null;
  taxExempt: boolean;
  paymentTermsDays: number;
  currency: string;
  createdAt: string;
}

interface AccountRow {
  id: string;
  name: string;
  parent_account_id: string | null;
  invoice_to_parent: number;
  tax_region_id: string | null;
  tax_exempt: number;
  payment_terms_days: number;
  currency: string;
  created_at: string;
}

export const accountsProjection: Projection = {
  name: 'accounts',
  version: 1,
  tables: ['accounts'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_account_id TEXT, invoice_to_parent INTEGER NOT NULL,
      tax_region_id TEXT, tax_exempt INTEGER NOT NULL, payment_terms_days INTEGER NOT NULL, currency TEXT NOT NULL,
      created_at TEXT NOT NULL)`);
    const insert = db.prepare(
      'INSERT INTO accounts (id, name, parent_account_id, invoice_to_parent, tax_region_id, tax_exempt, payment_terms_days, currency, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return (recorded) => {
      const event = domainEvent<AccountEvent>(recorded);
      switch (event.type) {
        case 'AccountCreated': {
          const t = event.data;
          insert.run(t.accountId, t.name, t.parentAccountId, t.invoiceToParent ? 1 : 0, t.taxRegionId, t.taxExempt ? 1 : 0, t.paymentTermsDays, t.currency, occurredAt(recorded));
          return;
        }
      }
    };
  },
};

function toView(row: AccountRow): AccountView {
  return {
    id: row.id,
    name: row.name,
    parentAccountId: row.parent_account_id,
    invoiceToParent: row.invoice_to_parent === 1,
    taxRegionId: row.tax_region_id,
    taxExempt: row.tax_exempt === 1,
    paymentTermsDays: row.payment_terms_days,
    currency: row.currency,
    createdAt: row.created_at,
  };
}

export function findAccount(db: Database.Database, id: string): AccountView | undefined {
  const row = cached<[string], AccountRow>(db, 'SELECT * FROM accounts WHERE id = ?').get(id);
  return row && toView(row);
}

export function listAccounts(db: Database.Database): AccountView[] {
  return cached<[], AccountRow>(db, 'SELECT * FROM accounts ORDER BY name, id').all().map(toView);
}
