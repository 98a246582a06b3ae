import type { DomainEvent } from '../shared/decider';

/**
 * Invoice numbers are sequential, gap-free and never reused (billing-rules §10): one stream
 * assigns them all, each to an invoice already generated (its items claimed on its ledger), so no
 * number is ever given to an invoice that does not exist.
 */
export const INVOICE_NUMBERS_STREAM = 'invoiceNumbers';

export interface InvoiceNumberAssignedData {
  invoiceId: string;
  billToAccountId: string;
  /** 1, 2, 3, … across every prefix. */
  sequence: number;
  /** The sequence with the prefix in force when it was assigned, at least 6 digits: `INV-000042`. */
  number: string;
}

export type InvoiceNumberAssigned = DomainEvent<'InvoiceNumberAssigned', InvoiceNumberAssignedData>;
export type InvoiceNumberEvent = InvoiceNumberAssigned;

/** Folded in place (the stream grows with every invoice): the state belongs to whoever folded it. */
export interface InvoiceNumbersState {
  last: number;
  byInvoice: Map<string, InvoiceNumberAssignedData>;
}

export const initialInvoiceNumbersState = (): InvoiceNumbersState => ({ last: 0, byInvoice: new Map() });

export function evolveInvoiceNumbers(state: InvoiceNumbersState, event: InvoiceNumberEvent): InvoiceNumbersState {
  switch (event.type) {
    case 'InvoiceNumberAssigned':
      state.last = event.data.sequence;
      state.byInvoice.set(event.data.invoiceId, event.data);
      return state;
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}

export const invoiceNumberOf = (prefix: string, sequence: number) => `${prefix}${String(sequence).padStart(6, '0')}`;
