import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { BillingCodeEvent, BillingCodeType } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

export interface BillingCodeView {
  id: string;
  name: string;
  type: BillingCodeType;
  taxCategory: string | null;
  glAccount: string | null;
  createdAt: string;
}

interface BillingCodeRow {
  id: string;
  name: string;
  type: BillingCodeType;
  tax_category: string | null;
  gl_account: string | null;
  created_at: string;
}

export const billingCodesProjection: Projection = {
  name: 'billing-codes',
  version: 1,
  tables: ['billing_codes'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS billing_codes (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, tax_category TEXT, gl_account TEXT, created_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO billing_codes (id, name, type, tax_category, gl_account, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    return (recorded) => {
      const event = domainEvent<BillingCodeEvent>(recorded);
      switch (event.type) {
        case 'BillingCodeCreated': {
          const t = event.data;
          insert.run(t.billingCodeId, t.name, t.type, t.taxCategory, t.glAccount, occurredAt(recorded));
          return;
        }
      }
    };
  },
};

function toView(row: BillingCodeRow): BillingCodeView {
  return { id: row.id, name: row.name, type: row.type, taxCategory: row.tax_category, glAccount: row.gl_account, createdAt: row.created_at };
}

export function findBillingCode(db: Database.Database, id: string): BillingCodeView | undefined {
  const row = cached<[string], BillingCodeRow>(db, 'SELECT * FROM billing_codes WHERE id = ?').get(id);
  return row && toView(row);
}

export function listBillingCodes(db: Database.Database): BillingCodeView[] {
  return cached<[], BillingCodeRow>(db, 'SELECT * FROM billing_codes ORDER BY name, id').all().map(toView);
}
