import type Database from 'better-sqlite3';
import type { ContractSubtotal, InvoiceGeneratedData, InvoiceLine, LedgerInvoice } from '@billing/domain';
import { cached } from '../cached-statement';
import { selectPage, type PageBounds, type RowPage } from '../page';
import { SqlWhere } from '../sql-where';

export type InvoiceStatus = 'ISSUED' | 'VOID';

/** An invoice as the API shows it (http-api.md, "An invoice"). */
export interface InvoiceView {
  id: string;
  number: string;
  status: InvoiceStatus;
  runId: string;
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  invoiceDate: string;
  dueDate: string;
  through: string;
  currency: string;
  lines: InvoiceLine[];
  contractSubtotals: ContractSubtotal[];
  subtotal: string;
  tax: string;
  total: string;
  /** Who voided it, when and why; with `unposted`, its items went back to Approve & Post. Null while issued. */
  void: { reason: string; voidedBy: string; voidedAt: string; unposted: boolean } | null;
}

/** An invoice in a list: all but its lines, which it counts. */
export type InvoiceSummary = Omit<InvoiceView, 'lines'> & { lineCount: number };

/** The view of an issued or void invoice as its ledger holds it (the answer of a run or a void, before the read models have it). */
export function invoiceViewOf(invoice: LedgerInvoice): InvoiceView {
  if (invoice.status === 'GENERATED') throw new Error(`invoice ${invoice.data.invoiceId} has no number yet`);
  const { voided } = invoice;
  return {
    ...header(invoice.data, invoice.number!, invoice.status),
    lines: invoice.data.lines,
    ...totals(invoice.data),
    void: voided && { reason: voided.reason, voidedBy: voided.voidedBy, voidedAt: voided.voidedAt, unposted: voided.unpost },
  };
}

const header = (d: Omit<InvoiceGeneratedData, 'items' | 'lines'>, number: string, status: InvoiceStatus) => ({
  id: d.invoiceId,
  number,
  status,
  runId: d.runId,
  billToAccountId: d.billToAccountId,
  purchaseOrderNumber: d.purchaseOrderNumber,
  invoiceDate: d.invoiceDate,
  dueDate: d.dueDate,
  through: d.through,
  currency: d.currency,
});

const totals = (d: Pick<InvoiceGeneratedData, 'contractSubtotals' | 'subtotal' | 'tax' | 'total'>) => ({
  contractSubtotals: d.contractSubtotals,
  subtotal: d.subtotal,
  tax: d.tax,
  total: d.total,
});

interface InvoiceRow {
  id: string;
  run_id: string;
  status: InvoiceStatus;
  number: string;
  bill_to_account_id: string;
  purchase_order_number: string | null;
  invoice_date: string;
  due_date: string;
  through: string;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  line_count: number;
  contract_subtotals: string;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
  void_unposted: number | null;
}

interface LineRow {
  billing_item_id: string;
  source_item_id: string;
  account_id: string;
  contract_id: string | null;
  type: InvoiceLine['type'];
  description: string;
  item_date: string;
  quantity: string;
  rate: string;
  amount: string;
  tax: string;
  tax_category_id: string | null;
}

/** An invoice row's view but its lines, in the order of `InvoiceView`'s fields. */
function partsOf(r: InvoiceRow) {
  const data = {
    invoiceId: r.id,
    runId: r.run_id,
    billToAccountId: r.bill_to_account_id,
    purchaseOrderNumber: r.purchase_order_number,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    through: r.through,
    currency: r.currency,
    contractSubtotals: JSON.parse(r.contract_subtotals) as ContractSubtotal[],
    subtotal: r.subtotal,
    tax: r.tax,
    total: r.total,
  };
  const voided = r.status === 'VOID' ? { reason: r.void_reason!, voidedBy: r.voided_by!, voidedAt: r.voided_at!, unposted: r.void_unposted === 1 } : null;
  return { header: header(data, r.number, r.status), totals: totals(data), void: voided };
}

const summaryOf = (r: InvoiceRow): InvoiceSummary => {
  const parts = partsOf(r);
  return { ...parts.header, lineCount: r.line_count, ...parts.totals, void: parts.void };
};

const lineOf = (r: LineRow): InvoiceLine => ({
  billingItemId: r.billing_item_id,
  sourceItemId: r.source_item_id,
  accountId: r.account_id,
  contractId: r.contract_id,
  type: r.type,
  description: r.description,
  itemDate: r.item_date,
  quantity: r.quantity,
  rate: r.rate,
  amount: r.amount,
  tax: r.tax,
  taxCategoryId: r.tax_category_id,
});

const INVOICE_COLUMNS =
  'id, run_id, status, number, bill_to_account_id, purchase_order_number, invoice_date, due_date, through, currency, subtotal, tax, total, line_count, contract_subtotals, void_reason, voided_by, voided_at, void_unposted';
const LINE_COLUMNS = 'billing_item_id, source_item_id, account_id, contract_id, type, description, item_date, quantity, rate, amount, tax, tax_category_id';

/** An issued or void invoice with its lines; undefined for an id that names none (or one still waiting for its number). */
export function findInvoice(db: Database.Database, id: string): InvoiceView | undefined {
  return db.transaction(() => {
    const row = cached<[string], InvoiceRow>(db, `SELECT ${INVOICE_COLUMNS} FROM invoices WHERE id = ? AND status <> 'GENERATED'`).get(id);
    if (!row) return undefined;
    const lines = cached<[string], LineRow>(db, `SELECT ${LINE_COLUMNS} FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no`).all(id);
    const parts = partsOf(row);
    return { ...parts.header, lines: lines.map(lineOf), ...parts.totals, void: parts.void };
  })();
}

export interface InvoiceFilter {
  /** The bill-to account. */
  accountId?: string;
  status?: InvoiceStatus;
  /** Invoice dates from and to, inclusive. */
  from?: string;
  to?: string;
  number?: string;
}

/** A page of issued and void invoices (by number), and how many the filter selects. */
export function listInvoices(db: Database.Database, filter: InvoiceFilter, page: PageBounds): RowPage<InvoiceSummary> {
  const where = new SqlWhere("status <> 'GENERATED'")
    .when('bill_to_account_id', '=', filter.accountId)
    .when('status', '=', filter.status)
    .when('invoice_date', '>=', filter.from)
    .when('invoice_date', '<=', filter.to)
    .when('number', '=', filter.number);
  const { rows, total } = selectPage<InvoiceRow>(db, { columns: INVOICE_COLUMNS, from: 'invoices', where, orderBy: 'sequence, id' }, page);
  return { rows: rows.map(summaryOf), total };
}

/** Generated invoices still waiting for their numbers (a run that stopped halfway), by bill-to account. */
export function billToAccountsAwaitingInvoiceNumbers(db: Database.Database): string[] {
  return cached<[], string>(db, "SELECT DISTINCT bill_to_account_id FROM invoices WHERE status = 'GENERATED' ORDER BY bill_to_account_id").pluck().all();
}
