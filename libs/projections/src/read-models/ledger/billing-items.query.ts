import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { selectPage, type PageBounds, type RowPage } from '../page';
import { SqlWhere } from '../sql-where';
import type { BillingItemData } from '@billing/domain';

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

interface Row {
  data: string;
  invoice_id: string | null;
  status: 'POSTED' | 'UNPOSTED';
}

export function findBillingItem(db: Database.Database, id: string): BillingItemView | undefined {
  const row = cached<[string], Row>(db, 'SELECT data, invoice_id, status FROM billing_items WHERE id = ?').get(id);
  return row && billingItemView(JSON.parse(row.data), row.invoice_id, row.status);
}

export interface BillingItemFilter {
  accountId?: string;
  contractId?: string;
  invoiced?: boolean;
}

/** A page of the posted items the filter selects (by item date, then id), and how many it selects. */
export function listBillingItems(db: Database.Database, filter: BillingItemFilter, page: PageBounds): RowPage<BillingItemView> {
  const where = new SqlWhere("status = 'POSTED'").when('contract_id', '=', filter.contractId);
  if (filter.accountId) where.also('(account_id = ? OR bill_to_account_id = ?)', filter.accountId, filter.accountId);
  if (filter.invoiced !== undefined) where.also(filter.invoiced ? 'invoice_id IS NOT NULL' : 'invoice_id IS NULL');
  const { rows, total } = selectPage<Row>(db, { columns: 'data, invoice_id, status', from: 'billing_items', where, orderBy: 'item_date, id' }, page);
  return { rows: rows.map((r) => billingItemView(JSON.parse(r.data), r.invoice_id, r.status)), total };
}
