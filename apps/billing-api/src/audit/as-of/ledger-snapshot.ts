import { createHash } from 'node:crypto';
import { dec, evolveLedger, invoiceRunKey, type BillingItemData, type InvoiceGeneratedData, type LedgerInvoice, type LedgerItem } from '@billing/domain';
import type { GeneratedInvoiceFacts, InvoiceHeader, LedgerFold, PostedItemFacts } from './ledger-fold';

/**
 * The format of a stored snapshot: this codec's version and a fingerprint of the fold it stores
 * (the source of `evolveLedger` and what it calls), so a snapshot written by other code than the
 * running one is never read: it is dropped and the ledger replayed from its first event.
 */
export const LEDGER_SNAPSHOT_FORMAT = `1.${createHash('sha256').update(evolveLedger.toString()).update(invoiceRunKey.toString()).digest('hex').slice(0, 16)}`;

/**
 * Stands in for an item's or invoice's data in a state read from a snapshot: `evolveLedger`
 * never reads the data of what it folded before (it sets statuses and links), and the answers
 * read an item's data from its `ItemPosted`. Should `evolveLedger` ever read it, the replay fails
 * loudly rather than answer from a guess (the snapshot spec would fail first).
 */
const IN_ITS_EVENT: unknown = new Proxy(
  {},
  {
    get(_target, property) {
      if (typeof property === 'symbol') return undefined;
      throw new Error(`a ledger snapshot holds no ${String(property)} of an item or invoice: read it from the event that created it`);
    },
  },
);

type ItemRow = [
  billingItemId: string,
  status: LedgerItem['status'],
  invoiceId: string | null,
  revision: string,
  overageContractId: string | null,
  overageAmount: string | null,
];
type InvoiceRow = [
  invoiceId: string,
  status: LedgerInvoice['status'],
  number: string | null,
  sequence: number | null,
  voided: LedgerInvoice['voided'],
  revision: string,
  header: InvoiceHeader,
  lineCount: number,
  itemCount: number,
];

interface EncodedLedgerFold {
  items: ItemRow[];
  postedBySource: [string, string[]][];
  everBySource: [string, number][];
  drawn: [string, string][];
  folded: number;
  invoices: InvoiceRow[];
  invoiceByRunKey: [string, string][];
}

/** The fold as a snapshot stores it: the state without the data its events hold, and the facts (JSON). */
export function encodeLedgerFold(fold: LedgerFold): string {
  const { state } = fold;
  const items: ItemRow[] = [...state.items].map(([id, item]) => {
    const facts = fold.items.get(id);
    if (!facts) throw new Error(`the fold has no facts of billing item ${id}`);
    return [id, item.status, item.invoiceId, facts.revision.toString(), facts.overage?.contractId ?? null, facts.overage?.amount ?? null];
  });
  const invoices: InvoiceRow[] = [...state.invoices].map(([id, invoice]) => {
    const facts = fold.invoices.get(id);
    if (!facts) throw new Error(`the fold has no facts of invoice ${id}`);
    return [id, invoice.status, invoice.number, invoice.sequence, invoice.voided, facts.revision.toString(), facts.header, facts.lineCount, facts.itemCount];
  });
  const encoded: EncodedLedgerFold = {
    items,
    postedBySource: [...state.postedBySource],
    everBySource: [...state.everBySource],
    drawn: [...state.drawn].map(([id, quantity]) => [id, quantity.toString()]),
    folded: state.folded,
    invoices,
    invoiceByRunKey: [...state.invoiceByRunKey],
  };
  return JSON.stringify(encoded);
}

/** Where the snapshot's last event is: the fold goes on from the next one. */
export interface SnapshotPoint {
  revision: bigint;
  position: bigint;
  eventId: string;
  recordedAt: string;
}

export function decodeLedgerFold(text: string, at: SnapshotPoint): LedgerFold {
  const encoded = JSON.parse(text) as EncodedLedgerFold;
  const data = IN_ITS_EVENT as BillingItemData;
  const items = new Map<string, LedgerItem>();
  const itemFacts = new Map<string, PostedItemFacts>();
  for (const [id, status, invoiceId, revision, overageContractId, overageAmount] of encoded.items) {
    items.set(id, { data, status, invoiceId });
    itemFacts.set(id, { revision: BigInt(revision), overage: overageContractId === null ? null : { contractId: overageContractId, amount: overageAmount! } });
  }
  const invoices = new Map<string, LedgerInvoice>();
  const invoiceFacts = new Map<string, GeneratedInvoiceFacts>();
  for (const [id, status, number, sequence, voided, revision, header, lineCount, itemCount] of encoded.invoices) {
    invoices.set(id, { data: IN_ITS_EVENT as InvoiceGeneratedData, status, number, sequence, voided });
    invoiceFacts.set(id, { revision: BigInt(revision), header, lineCount, itemCount });
  }
  return {
    state: {
      items,
      postedBySource: new Map(encoded.postedBySource),
      everBySource: new Map(encoded.everBySource),
      drawn: new Map(encoded.drawn.map(([id, quantity]) => [id, dec(quantity)])),
      folded: encoded.folded,
      invoices,
      invoiceByRunKey: new Map(encoded.invoiceByRunKey),
    },
    revision: at.revision,
    position: at.position,
    eventId: at.eventId,
    recordedAt: at.recordedAt,
    items: itemFacts,
    invoices: invoiceFacts,
  };
}
