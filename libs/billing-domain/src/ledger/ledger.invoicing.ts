import { dueDateOf, invoiceContentOf, type ShowOnInvoice } from '../invoicing/invoice-content';
import { compareText, invoiceGroupsOf } from '../invoicing/invoice-grouping';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import {
  invoiceRunKey,
  type BillingItemData,
  type InvoiceGenerated,
  type InvoiceIssued,
  type InvoiceVoided,
  type ItemUnposted,
  type LedgerInvoice,
  type LedgerState,
} from './ledger.events';
import { itemUnposted } from './unpost';

/** An invoice run's step on one bill-to ledger: claim the items to invoice, one invoice per purchase order. */
export interface GenerateInvoices {
  type: 'GenerateInvoices';
  runId: string;
  billToAccountId: string;
  invoiceDate: string;
  through: string;
  /** The bill-to account's. */
  paymentTermsDays: number;
  currency: string;
  showOnInvoice: ShowOnInvoice;
}

/** Gives generated invoices the numbers `invoiceNumbers` assigned them. */
export interface IssueInvoices {
  type: 'IssueInvoices';
  numbers: { invoiceId: string; number: string; sequence: number }[];
}

/** Voids an issued invoice: its items go back to be invoiced, or with `unpost` back to Approve & Post. */
export interface VoidInvoice {
  type: 'VoidInvoice';
  invoiceId: string;
  reason: string;
  voidedBy: string;
  voidedAt: string;
  unpost: boolean;
}

export type LedgerInvoicingCommand = GenerateInvoices | IssueInvoices | VoidInvoice;

/** billing-rules §10: posted, not invoiced, dated up to `through`; by item date, then id. */
export function itemsToInvoice(state: LedgerState, through: string): BillingItemData[] {
  const items: BillingItemData[] = [];
  for (const item of state.items.values()) if (item.status === 'POSTED' && item.invoiceId === null && item.data.itemDate <= through) items.push(item.data);
  return items.sort((a, b) => compareText(a.itemDate, b.itemDate) || compareText(a.billingItemId, b.billingItemId));
}

/** The generated invoices still waiting for their numbers (a run that stopped halfway), in the order generated. */
export function invoicesAwaitingNumbers(state: LedgerState): LedgerInvoice[] {
  return [...state.invoices.values()].filter((invoice) => invoice.status === 'GENERATED');
}

/** Ids say which ledger holds the invoice and count its invoices: `inv-acme-3`. */
const invoiceIdOf = (billToAccountId: string, n: number) => `inv-${billToAccountId}-${n}`;

/**
 * One invoice per purchase order of the items to invoice, each claiming its items. A run that
 * already invoiced a purchase order on this ledger (a retry) makes no second invoice for it:
 * items posted since wait for the next run.
 */
export function decideGenerateInvoices(command: GenerateInvoices, state: LedgerState): InvoiceGenerated[] {
  if (command.through > command.invoiceDate)
    throw new RuleViolation('through-after-invoice-date', `through (${command.through}) must not be after the invoice date (${command.invoiceDate})`);
  let generated = state.invoices.size;
  const events: InvoiceGenerated[] = [];
  for (const group of invoiceGroupsOf(itemsToInvoice(state, command.through))) {
    if (state.invoiceByRunKey.has(invoiceRunKey(command.runId, group.purchaseOrderNumber))) continue;
    generated += 1;
    events.push({
      type: 'InvoiceGenerated',
      data: {
        invoiceId: invoiceIdOf(command.billToAccountId, generated),
        runId: command.runId,
        billToAccountId: command.billToAccountId,
        purchaseOrderNumber: group.purchaseOrderNumber,
        invoiceDate: command.invoiceDate,
        through: command.through,
        dueDate: dueDateOf(command.invoiceDate, command.paymentTermsDays),
        currency: command.currency,
        ...invoiceContentOf(group.items, command.showOnInvoice),
      },
    });
  }
  return events;
}

export function decideIssueInvoices(command: IssueInvoices, state: LedgerState): InvoiceIssued[] {
  const events: InvoiceIssued[] = [];
  for (const { invoiceId, number, sequence } of command.numbers) {
    const invoice = state.invoices.get(invoiceId);
    if (!invoice) throw new NotFound('invoice', invoiceId);
    if (invoice.status === 'GENERATED') events.push({ type: 'InvoiceIssued', data: { invoiceId, number, sequence } });
    else if (invoice.number !== number) throw new Conflict('invoice-numbered', `invoice ${invoiceId} is already issued as ${invoice.number}, not ${number}`);
  }
  return events;
}

/**
 * The invoice keeps its number and its content, marked void; its items are free to be invoiced
 * again. With `unpost`, each item's posting is undone in the same append, as an unpost would
 * undo it (its source is released afterwards, on its own stream).
 */
export function decideVoidInvoice(command: VoidInvoice, state: LedgerState): (InvoiceVoided | ItemUnposted)[] {
  const invoice = state.invoices.get(command.invoiceId);
  // An invoice still waiting for its number is not issued: nobody has seen it.
  if (!invoice || invoice.status === 'GENERATED') throw new NotFound('invoice', command.invoiceId);
  if (invoice.status === 'VOID') throw new Conflict('invoice-void', `invoice ${invoice.number} is void already (${invoice.voided!.reason})`);
  if (!command.reason.trim()) throw new RuleViolation('reason-required', 'a void needs a reason');
  const billingItemIds = invoice.data.items.map((item) => item.billingItemId);
  const voided: InvoiceVoided = {
    type: 'InvoiceVoided',
    data: {
      invoiceId: command.invoiceId,
      number: invoice.number!,
      reason: command.reason,
      voidedBy: command.voidedBy,
      voidedAt: command.voidedAt,
      billingItemIds,
      unpost: command.unpost,
    },
  };
  if (!command.unpost) return [voided];
  const unposts: ItemUnposted[] = [];
  const sources = new Set<string>();
  for (const id of billingItemIds) {
    const source = state.items.get(id)!.data.sourceItemId;
    if (sources.has(source)) continue;
    sources.add(source);
    const unposted = itemUnposted(state, id, command.reason, command.invoiceId);
    if (unposted) unposts.push(unposted);
  }
  return [voided, ...unposts];
}
