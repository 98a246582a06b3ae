import type { BillingItemData, ContractSubtotal, InvoicedItem, InvoiceLine } from '../ledger/ledger.events';
import type { MoneyString } from '../rating/posted-item-draft';
import { dec, moneyString, type Dec } from '../shared/decimal';
import { compareNullLast, compareText } from './invoice-grouping';

/** Whether lines that charge nothing are shown, by work type id (`showOnInvoice`); a work type not named shows them. */
export type ShowOnInvoice = Readonly<Record<string, boolean>>;

/** What an invoice says of its items: the lines, a subtotal per contract, and the totals. */
export interface InvoiceContent {
  items: InvoicedItem[];
  lines: InvoiceLine[];
  contractSubtotals: ContractSubtotal[];
  subtotal: MoneyString;
  tax: MoneyString;
  total: MoneyString;
}

/**
 * billing-rules §10: covered and no-charge labour is shown (at 0.00) where its work type says
 * `showOnInvoice`; an item that charges something is always shown. Items without a work type
 * (purchases, tickets, charges, expenses) have no such setting and are always shown, at 0.00 too
 * when a balance or the contract paid for them. An item left off is still claimed by the invoice.
 */
export function shownOnInvoice(item: Pick<BillingItemData, 'amount' | 'tax' | 'labour'>, showOnInvoice: ShowOnInvoice): boolean {
  if (!dec(item.amount).isZero() || !dec(item.tax).isZero() || !item.labour) return true;
  return showOnInvoice[item.labour.workTypeId] ?? true;
}

/** Lines come by contract (by id; the lines without a contract last), then by item date, then billing item id. */
const byContractThenDate = (a: BillingItemData, b: BillingItemData) =>
  compareNullLast(a.contractId, b.contractId) || compareText(a.itemDate, b.itemDate) || compareText(a.billingItemId, b.billingItemId);

const lineOf = (item: BillingItemData): InvoiceLine => ({
  billingItemId: item.billingItemId,
  sourceItemId: item.sourceItemId,
  accountId: item.accountId,
  contractId: item.contractId,
  type: item.type,
  description: item.description,
  itemDate: item.itemDate,
  quantity: item.quantity,
  rate: item.rate,
  amount: item.amount,
  tax: item.tax,
  taxCategoryId: item.taxCategoryId,
});

/**
 * The invoice of a group of items: one line per item shown, a subtotal per contract, and the
 * totals. Every amount and tax was rounded once, when its item was posted (billing-rules §5), so
 * the invoice only adds: its subtotal is the sum of its lines' amounts, its tax the sum of their
 * tax (the items it leaves off charge nothing), its total the two together.
 */
export function invoiceContentOf(items: readonly BillingItemData[], showOnInvoice: ShowOnInvoice): InvoiceContent {
  const ordered = [...items].sort(byContractThenDate);
  const lines = ordered.filter((item) => shownOnInvoice(item, showOnInvoice)).map(lineOf);
  const byContract = new Map<string | null, { subtotal: Dec; tax: Dec }>();
  let subtotal = dec(0);
  let tax = dec(0);
  for (const line of lines) {
    const sums = byContract.get(line.contractId) ?? { subtotal: dec(0), tax: dec(0) };
    byContract.set(line.contractId, { subtotal: sums.subtotal.plus(line.amount), tax: sums.tax.plus(line.tax) });
    subtotal = subtotal.plus(line.amount);
    tax = tax.plus(line.tax);
  }
  return {
    items: ordered.map(({ billingItemId, sourceItemId, sourceType }) => ({ billingItemId, sourceItemId, sourceType })),
    lines,
    contractSubtotals: [...byContract].map(([contractId, sums]) => ({ contractId, subtotal: moneyString(sums.subtotal), tax: moneyString(sums.tax) })),
    subtotal: moneyString(subtotal),
    tax: moneyString(tax),
    total: moneyString(subtotal.plus(tax)),
  };
}

/** Due date = invoice date + the bill-to account's payment terms in days (billing-rules §10). */
export function dueDateOf(invoiceDate: string, paymentTermsDays: number): string {
  const due = new Date(`${invoiceDate}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + paymentTermsDays);
  return due.toISOString().slice(0, 10);
}
