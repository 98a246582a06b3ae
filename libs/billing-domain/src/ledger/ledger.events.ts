import type { ItemDraw, MoneyString, PostedItemDraft, PostedItemType } from '../rating/posted-item-draft';
import type { DomainEvent } from '../shared/decider';
import type { ItemOverrides } from '../work/item-approval';
import type { RoutingOverride } from '../work/routing-override';
import { dec, type Dec } from '../shared/decimal';

/**
 * The ledger of one bill-to account: what was posted, unposted and (later) invoiced, and what
 * every prepaid purchase has given. One stream per bill-to account is the consistency boundary
 * of the money: no item posted twice, no balance drawn twice (architecture.md, "Streams").
 */
export const ledgerStream = (billToAccountId: string) => `ledger-${billToAccountId}`;

export type SourceType =
  | 'TIME_ENTRY'
  | 'CHARGE'
  | 'EXPENSE'
  | 'BLOCK_PURCHASE'
  | 'RETAINER_PURCHASE'
  | 'TICKET_PURCHASE'
  | 'TICKET'
  | 'SERVICE_PERIOD'
  | 'SERVICE_ADJUSTMENT'
  | 'SETUP_FEE'
  | 'MILESTONE';

/** A posted billing item (http-api.md, "A billing item"), frozen in `ItemPosted` (v2: `overrides`, `routingOverride`). */
export interface BillingItemData extends PostedItemDraft {
  billingItemId: string;
  postingId: string;
  sourceType: SourceType;
  accountId: string;
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  postedDate: string;
  description: string;
  approvedBy: string;
  /** The approver's overrides of the source item as given (`{}` for none); null in postings written before v2. */
  overrides: ItemOverrides | null;
  /** The entry re-routed by the approver (billing-rules §4.4); null when it posted where routing put it. */
  routingOverride: RoutingOverride | null;
}

export interface ItemUnpostedData {
  sourceItemId: string;
  sourceType: SourceType;
  billingItemIds: string[];
  /** What the posting drew, given back to each purchase. */
  returned: ItemDraw[];
  reason: string;
}

/** One line of an invoice: a billing item as the customer reads it (billing-rules §10). */
export interface InvoiceLine {
  billingItemId: string;
  sourceItemId: string;
  /** The customer the work was for (the bill-to account may be its parent or a third party). */
  accountId: string;
  contractId: string | null;
  type: PostedItemType;
  description: string;
  itemDate: string;
  quantity: string;
  rate: string;
  amount: MoneyString;
  tax: MoneyString;
  taxCategoryId: string | null;
}

/** The lines of one contract (null: the lines without a contract), summed. */
export interface ContractSubtotal {
  contractId: string | null;
  subtotal: MoneyString;
  tax: MoneyString;
}

/** A billing item an invoice claims, whether or not it is shown as a line. */
export interface InvoicedItem {
  billingItemId: string;
  sourceItemId: string;
  sourceType: SourceType;
}

/**
 * An invoice of one bill-to account and purchase order, claiming its items on the ledger. It gets
 * its number afterwards (`InvoiceNumberAssigned` on `invoiceNumbers`, then `InvoiceIssued` here),
 * so that a number is only ever given to an invoice that holds items.
 */
export interface InvoiceGeneratedData {
  invoiceId: string;
  /** The invoice run that generated it. */
  runId: string;
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  invoiceDate: string;
  /** Items dated up to this day were invoiced. */
  through: string;
  dueDate: string;
  currency: string;
  /** Every item claimed, shown as a line or not. */
  items: InvoicedItem[];
  lines: InvoiceLine[];
  contractSubtotals: ContractSubtotal[];
  subtotal: MoneyString;
  tax: MoneyString;
  total: MoneyString;
}

export interface InvoiceIssuedData {
  invoiceId: string;
  number: string;
  /** The number's place in the gap-free sequence (`number` is it with the prefix). */
  sequence: number;
}

export interface InvoiceVoidedData {
  invoiceId: string;
  number: string;
  reason: string;
  voidedBy: string;
  voidedAt: string;
  /** The items given back to be invoiced again (or, with `unpost`, unposted by the events that follow). */
  billingItemIds: string[];
  unpost: boolean;
}

export type ItemPosted = DomainEvent<'ItemPosted', BillingItemData>;
export type ItemUnposted = DomainEvent<'ItemUnposted', ItemUnpostedData>;
export type InvoiceGenerated = DomainEvent<'InvoiceGenerated', InvoiceGeneratedData>;
export type InvoiceIssued = DomainEvent<'InvoiceIssued', InvoiceIssuedData>;
export type InvoiceVoided = DomainEvent<'InvoiceVoided', InvoiceVoidedData>;
export type LedgerEvent = ItemPosted | ItemUnposted | InvoiceGenerated | InvoiceIssued | InvoiceVoided;

export interface LedgerItem {
  data: BillingItemData;
  status: 'POSTED' | 'UNPOSTED';
  invoiceId: string | null;
}

/** An invoice as the ledger holds it: generated (items claimed), issued (numbered) or void. */
export interface LedgerInvoice {
  data: InvoiceGeneratedData;
  status: 'GENERATED' | 'ISSUED' | 'VOID';
  number: string | null;
  sequence: number | null;
  voided: Pick<InvoiceVoidedData, 'reason' | 'voidedBy' | 'voidedAt' | 'unpost'> | null;
}

/**
 * Folded for speed into maps that `evolve` updates in place: the state belongs to whoever folded
 * it (`initialLedgerState` makes a new one each time).
 */
export interface LedgerState {
  items: Map<string, LedgerItem>;
  /** The billing items each source item is posted as now. */
  postedBySource: Map<string, string[]>;
  /** How many billing items each source has ever had (ids never repeat after an unpost). */
  everBySource: Map<string, number>;
  /** Net of unposts, by purchase id. */
  drawn: Map<string, Dec>;
  /** Events folded so far: equal counts mean the same ledger. */
  folded: number;
  /** Every invoice ever generated on the ledger, by id, in the order generated. */
  invoices: Map<string, LedgerInvoice>;
  /** The invoice a run generated for a purchase order (`invoiceRunKey`). */
  invoiceByRunKey: Map<string, string>;
}

export function initialLedgerState(): LedgerState {
  return { items: new Map(), postedBySource: new Map(), everBySource: new Map(), drawn: new Map(), folded: 0, invoices: new Map(), invoiceByRunKey: new Map() };
}

/** A run makes at most one invoice per purchase order on a ledger (billing-rules §10). */
export const invoiceRunKey = (runId: string, purchaseOrderNumber: string | null) => JSON.stringify([runId, purchaseOrderNumber]);

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  state.folded += 1;
  switch (event.type) {
    case 'ItemPosted': {
      const { data } = event;
      state.items.set(data.billingItemId, { data, status: 'POSTED', invoiceId: null });
      state.postedBySource.set(data.sourceItemId, [...(state.postedBySource.get(data.sourceItemId) ?? []), data.billingItemId]);
      state.everBySource.set(data.sourceItemId, (state.everBySource.get(data.sourceItemId) ?? 0) + 1);
      for (const draw of data.draws) state.drawn.set(draw.purchaseId, (state.drawn.get(draw.purchaseId) ?? dec(0)).plus(draw.quantity));
      return state;
    }
    case 'ItemUnposted': {
      const { data } = event;
      for (const id of data.billingItemIds) {
        const item = state.items.get(id);
        if (item) item.status = 'UNPOSTED';
      }
      state.postedBySource.delete(data.sourceItemId);
      for (const draw of data.returned) state.drawn.set(draw.purchaseId, (state.drawn.get(draw.purchaseId) ?? dec(0)).minus(draw.quantity));
      return state;
    }
    case 'InvoiceGenerated': {
      const { data } = event;
      state.invoices.set(data.invoiceId, { data, status: 'GENERATED', number: null, sequence: null, voided: null });
      state.invoiceByRunKey.set(invoiceRunKey(data.runId, data.purchaseOrderNumber), data.invoiceId);
      for (const { billingItemId } of data.items) state.items.get(billingItemId)!.invoiceId = data.invoiceId;
      return state;
    }
    case 'InvoiceIssued': {
      const invoice = state.invoices.get(event.data.invoiceId)!;
      Object.assign(invoice, { status: 'ISSUED', number: event.data.number, sequence: event.data.sequence });
      return state;
    }
    case 'InvoiceVoided': {
      const { invoiceId, reason, voidedBy, voidedAt, unpost, billingItemIds } = event.data;
      Object.assign(state.invoices.get(invoiceId)!, { status: 'VOID', voided: { reason, voidedBy, voidedAt, unpost } });
      for (const id of billingItemIds) {
        const item = state.items.get(id)!;
        if (item.invoiceId === invoiceId) item.invoiceId = null;
      }
      return state;
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The billing items a source item is posted as now, in posting order. */
export function postedItemsOf(state: LedgerState, sourceItemId: string): BillingItemData[] {
  return (state.postedBySource.get(sourceItemId) ?? []).map((id) => state.items.get(id)!.data);
}
