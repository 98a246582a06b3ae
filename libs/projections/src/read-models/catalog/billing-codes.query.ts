import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { BillingCodeTerms, BillingCodeType } from '@billing/domain';

export type BillingCodeView = { id: string } & Omit<BillingCodeTerms, 'billingCodeId'> & { createdAt: string };

interface BillingCodeRow {
  id: string;
  name: string;
  type: BillingCodeType;
  tax_category: string | null;
  gl_account: string | null;
  created_at: string;
}

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
