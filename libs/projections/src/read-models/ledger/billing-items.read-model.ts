import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import type { BillingItemData, ItemUnpostedData } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent } from '../domain-event';

/** A billing item as the API shows it (http-api.md, "A billing item"). */
export interface BillingItemView {
  id: string;
  sourceItemId: string;
  sourceType: string;
  type: string;
  part: string;
  accountId: string;
  billToAccountId: string;
  contractId: string | null;
  purchaseOrderNumber: string | null;
  itemDate: string;
  postedDate: string;
  quantity: string;
  rate: string;
  amount: string;
  tax: string;
  cost: string;
  covered: boolean;
  noCharge: boolean;
  draws: BillingItemData['draws'];
  description: string;
  original: BillingItemData['original'] | null;
  invoiceId: string | null;
  status: 'POSTED' | 'UNPOSTED';
}

export function billingItemView(data: BillingItemData, invoiceId: string | null = null, status: 'POSTED' | 'UNPOSTED' = 'POSTED'): BillingItemView {
  return {
    id: data.billingItemId,
    sourceItemId: data.sourceItemId,
    sourceType: data.sourceType,
    type: data.type,
    part: data.part,
    accountId: data.accountId,
    billToAccountId: data.billToAccountId,
    contractId: data.contractId,
    purchaseOrderNumber: data.purchaseOrderNumber,
    itemDate: data.itemDate,
    postedDate: data.postedDate,
    quantity: data.quantity,
    rate: data.rate,
    amount: data.amount,
    tax: data.tax,
    cost: data.cost,
    covered: data.covered,
    noCharge: data.noCharge,
    draws: data.draws,
    description: data.description,
    original: data.original ?? null,
    invoiceId,
    status,
  };
}

/** Billing items: posted ones, and unposted ones kept as UNPOSTED (their whole history stays in the events). */
export const billingItemsProjection: Projection = {
  name: 'billing-items',
  version: 1,
  tables: ['billing_items'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS billing_items (
      id TEXT PRIMARY KEY, source_item_id TEXT NOT NULL, account_id TEXT NOT NULL, bill_to_account_id TEXT NOT NULL,
      contract_id TEXT, item_date TEXT NOT NULL, invoice_id TEXT, status TEXT NOT NULL, data TEXT NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_source ON billing_items (source_item_id)');
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_account ON billing_items (account_id, contract_id)');
    const insert = db.prepare("INSERT INTO billing_items (id, source_item_id, account_id, bill_to_account_id, contract_id, item_date, invoice_id, status, data) VALUES (?, ?, ?, ?, ?, ?, NULL, 'POSTED', ?)");
    const unpost = db.prepare("UPDATE billing_items SET status = 'UNPOSTED' WHERE id = ?");
    return (recorded) => {
      const event = domainEvent(recorded);
      switch (event.type) {
        case 'ItemPosted': {
          const d = event.data as BillingItemData;
          insert.run(d.billingItemId, d.sourceItemId, d.accountId, d.billToAccountId, d.contractId, d.itemDate, JSON.stringify(d));
          return;
        }
        case 'ItemUnposted':
          for (const id of (event.data as ItemUnpostedData).billingItemIds) unpost.run(id);
          return;
      }
    };
  },
};

interface Row {
  data: string;
  invoice_id: string | null;
  status: 'POSTED' | 'UNPOSTED';
}

export function findBillingItem(db: Database.Database, id: string): BillingItemView | undefined {
  const row = cached<[string], Row>(db, 'SELECT data, invoice_id, status FROM billing_items WHERE id = ?').get(id);
  return row && billingItemView(JSON.parse(row.data), row.invoice_id, row.status);
}

export function listBillingItems(db: Database.Database, filter: { accountId?: string; contractId?: string; invoiced?: boolean }): BillingItemView[] {
  const where = new SqlWhere("status = 'POSTED'").when('contract_id', '=', filter.contractId);
  if (filter.accountId) where.also('(account_id = ? OR bill_to_account_id = ?)', filter.accountId, filter.accountId);
  if (filter.invoiced !== undefined) where.also(filter.invoiced ? 'invoice_id IS NOT NULL' : 'invoice_id IS NULL');
  const sql = `SELECT data, invoice_id, status FROM billing_items${where.clause} ORDER BY item_date, id`;
  return cached<unknown[], Row>(db, sql).all(...where.params).map((r) => billingItemView(JSON.parse(r.data), r.invoice_id, r.status));
}
