import type { DomainEvent } from '../shared/decider';

/** What an invoice run was asked: its id names it, and the same id with another request is refused. */
export interface InvoiceRunRequest {
  invoiceDate: string;
  /** Items dated up to this day; the invoice date when the request left it out. */
  through: string;
  /** The bill-to accounts to invoice, sorted; null: every account with items to invoice. */
  accountIds: string[] | null;
}

export interface InvoiceRunStartedData extends InvoiceRunRequest {
  runId: string;
  /** The ledgers the run visits, fixed when it starts, so that a retry after a crash visits the same. */
  billToAccountIds: string[];
}

export interface InvoiceRunCompletedData {
  runId: string;
  /** The invoices the run generated, in the order of their numbers. */
  invoices: { invoiceId: string; billToAccountId: string }[];
}

export type InvoiceRunStarted = DomainEvent<'InvoiceRunStarted', InvoiceRunStartedData>;
export type InvoiceRunCompleted = DomainEvent<'InvoiceRunCompleted', InvoiceRunCompletedData>;
export type InvoiceRunEvent = InvoiceRunStarted | InvoiceRunCompleted;

export type InvoiceRunState =
  | { status: 'none' }
  | { status: 'started'; started: InvoiceRunStartedData }
  | { status: 'completed'; started: InvoiceRunStartedData; completed: InvoiceRunCompletedData };

export const invoiceRunStream = (runId: string) => `invoiceRun-${runId}`;

export const initialInvoiceRunState = (): InvoiceRunState => ({ status: 'none' });

export function evolveInvoiceRun(state: InvoiceRunState, event: InvoiceRunEvent): InvoiceRunState {
  switch (event.type) {
    case 'InvoiceRunStarted':
      return { status: 'started', started: event.data };
    case 'InvoiceRunCompleted':
      return state.status === 'none' ? state : { status: 'completed', started: state.started, completed: event.data };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
