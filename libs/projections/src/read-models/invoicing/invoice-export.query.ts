import type Database from 'better-sqlite3';
import type { PostedItemType } from '@billing/domain';
import { cached } from '../cached-statement';
import { findInvoice, type InvoiceStatus, type InvoiceView } from './invoices.query';

/** An invoice as its document prints it: the invoice, the bill-to account's name, and the name of each contract of its subtotals. */
export interface InvoiceDocument {
  invoice: InvoiceView;
  billToName: string;
  /** By contract id. */
  contractNames: Record<string, string>;
}

/** An issued or void invoice with what its document prints; undefined for an id that names none. */
export function findInvoiceDocument(db: Database.Database, id: string): InvoiceDocument | undefined {
  return db.transaction(() => {
    const invoice = findInvoice(db, id);
    if (!invoice) return undefined;
    const names = cached<[string], { bill_to_name: string; contract_names: string }>(db, 'SELECT bill_to_name, contract_names FROM invoices WHERE id = ?').get(
      id,
    )!;
    return { invoice, billToName: names.bill_to_name, contractNames: JSON.parse(names.contract_names) as Record<string, string> };
  })();
}

/**
 * One line of an invoice as an export writes it, with its invoice's header. An invoice without
 * lines (every item left off) is one row whose line fields are null, so that every invoice number
 * of a period is in its export.
 */
export interface InvoiceExportRow {
  invoiceId: string;
  number: string;
  status: InvoiceStatus;
  billToAccountId: string;
  billToName: string;
  invoiceDate: string;
  dueDate: string;
  purchaseOrderNumber: string | null;
  currency: string;
  lineNo: number | null;
  itemDate: string | null;
  type: PostedItemType | null;
  billingCodeId: string | null;
  billingCodeName: string | null;
  glAccount: string | null;
  description: string | null;
  quantity: string | null;
  rate: string | null;
  amount: string | null;
  tax: string | null;
  taxCategoryId: string | null;
}

/** The issued and void invoices dated from `from` to `to` (inclusive), or one invoice. */
export type InvoiceExportFilter = { from: string; to: string } | { invoiceId: string };

const EXPORT_COLUMNS = `i.id AS invoiceId, i.number AS number, i.status AS status, i.bill_to_account_id AS billToAccountId, i.bill_to_name AS billToName,
  i.invoice_date AS invoiceDate, i.due_date AS dueDate, i.purchase_order_number AS purchaseOrderNumber, i.currency AS currency,
  l.line_no AS lineNo, l.item_date AS itemDate, l.type AS type, l.billing_code_id AS billingCodeId, l.billing_code_name AS billingCodeName,
  l.gl_account AS glAccount, l.description AS description, l.quantity AS quantity, l.rate AS rate, l.amount AS amount, l.tax AS tax,
  l.tax_category_id AS taxCategoryId`;

/**
 * The export's rows, one at a time, straight from SQLite (`iterate`): by invoice date, number and
 * line, an order the indexes give, so SQLite neither sorts nor holds the result (`i.rowid`, the
 * last column of every index entry, tells the planner that no two invoices tie). The iterator keeps
 * its connection busy until it is finished or `return`ed: give it a connection of its own when the
 * rows are written out with pauses (a slow client), never the one the projections write on.
 */
export function invoiceExportRows(db: Database.Database, filter: InvoiceExportFilter): IterableIterator<InvoiceExportRow> {
  const from = `FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id`;
  if ('invoiceId' in filter)
    return db
      .prepare<[string], InvoiceExportRow>(`SELECT ${EXPORT_COLUMNS} ${from} WHERE i.id = ? AND i.status <> 'GENERATED' ORDER BY l.line_no`)
      .iterate(filter.invoiceId);
  return db
    .prepare<[string, string], InvoiceExportRow>(
      `SELECT ${EXPORT_COLUMNS} ${from} WHERE i.invoice_date >= ? AND i.invoice_date <= ? AND i.status <> 'GENERATED' ORDER BY i.invoice_date, i.sequence, i.rowid, l.line_no`,
    )
    .iterate(filter.from, filter.to);
}
