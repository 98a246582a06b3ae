import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import { CENTS_SPLIT, centsOfParts, moneyOfCents } from './dashboard-values';

/** The items an invoice run would put on one invoice (billing-rules §10): one bill-to account, one PO. */
export interface ItemsToInvoiceGroup {
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  itemCount: number;
  firstItemDate: string;
  lastItemDate: string;
  subtotal: string;
  tax: string;
  total: string;
}

export interface ItemsToInvoice {
  through: string;
  groups: ItemsToInvoiceGroup[];
  totals: { invoices: number; itemCount: number; subtotal: string; tax: string; total: string };
}

interface GroupRow {
  bill_to: string;
  po: string | null;
  n: bigint;
  first: string;
  last: string;
  amount_high: bigint;
  amount_low: bigint;
  tax_high: bigint;
  tax_low: bigint;
}

const TO_INVOICE = "status = 'POSTED' AND invoice_id IS NULL";

/**
 * The posted, uninvoiced items dated up to `through`, grouped as an invoice run groups them: by
 * bill-to account, then purchase-order number (none last), with counts and exact totals (sums of
 * integer cents in two parts, see `CENTS_SPLIT`). One row per group: it grows with the accounts,
 * not with the items.
 */
export function queryItemsToInvoice(db: Database.Database, filter: { through: string; billToAccountId?: string }): ItemsToInvoice {
  const where = new SqlWhere(TO_INVOICE).when('item_date', '<=', filter.through).when('bill_to_account_id', '=', filter.billToAccountId);
  const rows = cached<unknown[], GroupRow>(
    db,
    `SELECT bill_to_account_id AS bill_to, purchase_order_number AS po, COUNT(*) AS n, MIN(item_date) AS first, MAX(item_date) AS last,
        SUM(amount_cents / ${CENTS_SPLIT}) AS amount_high, SUM(amount_cents % ${CENTS_SPLIT}) AS amount_low,
        SUM(tax_cents / ${CENTS_SPLIT}) AS tax_high, SUM(tax_cents % ${CENTS_SPLIT}) AS tax_low
      FROM billing_items${where.clause}
      GROUP BY bill_to_account_id, purchase_order_number ORDER BY bill_to_account_id, purchase_order_number IS NULL, purchase_order_number`,
  )
    .safeIntegers()
    .all(...where.params);
  let [itemCount, amount, tax] = [0, 0n, 0n];
  const groups = rows.map((r): ItemsToInvoiceGroup => {
    const groupAmount = centsOfParts(r.amount_high, r.amount_low);
    const groupTax = centsOfParts(r.tax_high, r.tax_low);
    itemCount += Number(r.n);
    amount += groupAmount;
    tax += groupTax;
    return {
      billToAccountId: r.bill_to,
      purchaseOrderNumber: r.po,
      itemCount: Number(r.n),
      firstItemDate: r.first,
      lastItemDate: r.last,
      subtotal: moneyOfCents(groupAmount),
      tax: moneyOfCents(groupTax),
      total: moneyOfCents(groupAmount + groupTax),
    };
  });
  return {
    through: filter.through,
    groups,
    totals: { invoices: groups.length, itemCount, subtotal: moneyOfCents(amount), tax: moneyOfCents(tax), total: moneyOfCents(amount + tax) },
  };
}

/** The bill-to accounts with items to invoice up to `through`: the ledgers an invoice run over every account visits. */
export function billToAccountsToInvoice(db: Database.Database, through: string): string[] {
  return cached<[string], string>(
    db,
    `SELECT DISTINCT bill_to_account_id FROM billing_items WHERE ${TO_INVOICE} AND item_date <= ? ORDER BY bill_to_account_id`,
  )
    .pluck()
    .all(through);
}
