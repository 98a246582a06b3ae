import type Database from 'better-sqlite3';
import type { AccountTerms } from '@billing/domain';
import { cached } from '../cached-statement';

/** An account's terms (with `id` for `accountId`) and when it was created. */
export type AccountView = { id: string } & Omit<AccountTerms, 'accountId'> & { createdAt: string };

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
