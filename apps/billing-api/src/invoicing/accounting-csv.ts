import type { InvoiceExportRow } from '@billing/projections';
import { csvDecimal, csvRecord, csvText } from '../http/csv';

/**
 * The columns of the accounting export (billing-rules §10), one record per invoice line, chosen to
 * map onto QuickBooks Online's and Xero's sales-invoice imports (the mapping is in the README).
 */
export const ACCOUNTING_CSV_COLUMNS = [
  'InvoiceNumber',
  'Status',
  'Customer',
  'CustomerId',
  'InvoiceDate',
  'DueDate',
  'PurchaseOrder',
  'Currency',
  'Line',
  'ServiceDate',
  'ItemType',
  'BillingCode',
  'BillingCodeName',
  'GLAccount',
  'Description',
  'Quantity',
  'Rate',
  'Amount',
  'TaxCategory',
  'Tax',
] as const;

const ZERO = '0.00';

/**
 * One invoice line as a CSV record. A void invoice keeps its number and lines with quantity, amount
 * and tax 0 (rate as it was), as QuickBooks and Xero record a void; an invoice without lines is one
 * record with amount and tax 0.00, so that every number of the period is there.
 */
export function accountingCsvRecord(row: InvoiceExportRow): string {
  const void_ = row.status === 'VOID';
  const hasLine = row.lineNo !== null;
  return csvRecord([
    csvText(row.number),
    csvText(row.status),
    csvText(row.billToName),
    csvText(row.billToAccountId),
    csvText(row.invoiceDate),
    csvText(row.dueDate),
    csvText(row.purchaseOrderNumber),
    csvText(row.currency),
    hasLine ? String(row.lineNo) : '',
    csvText(row.itemDate),
    csvText(row.type),
    csvText(row.billingCodeId),
    csvText(row.billingCodeName),
    csvText(row.glAccount),
    csvText(row.description),
    hasLine && void_ ? '0' : csvDecimal(row.quantity),
    csvDecimal(row.rate),
    void_ || !hasLine ? ZERO : csvDecimal(row.amount),
    csvText(row.taxCategoryId),
    void_ || !hasLine ? ZERO : csvDecimal(row.tax),
  ]);
}

/** The header, then a record per row, each made as it is asked for. */
export function* accountingCsv(rows: Iterable<InvoiceExportRow>): Generator<string> {
  yield csvRecord(ACCOUNTING_CSV_COLUMNS);
  for (const row of rows) yield accountingCsvRecord(row);
}
