import type { Decider } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import {
  evolveInvoiceRun,
  initialInvoiceRunState,
  type InvoiceRunCompletedData,
  type InvoiceRunEvent,
  type InvoiceRunRequest,
  type InvoiceRunState,
} from './invoice-run.events';

/** Starts a run (or finds it started with the same request: a retry continues it). */
export interface StartInvoiceRun {
  type: 'StartInvoiceRun';
  runId: string;
  request: InvoiceRunRequest;
  /** The ledgers to visit, if the run starts now. */
  billToAccountIds: string[];
}

export interface CompleteInvoiceRun {
  type: 'CompleteInvoiceRun';
  invoices: InvoiceRunCompletedData['invoices'];
}

export type InvoiceRunCommand = StartInvoiceRun | CompleteInvoiceRun;

const describeRequest = (r: InvoiceRunRequest) =>
  `invoiceDate ${r.invoiceDate}, through ${r.through}, accountIds ${r.accountIds ? r.accountIds.join(', ') : 'all'}`;

function decideInvoiceRun(command: InvoiceRunCommand, state: InvoiceRunState): InvoiceRunEvent[] {
  switch (command.type) {
    case 'StartInvoiceRun': {
      const { request, runId } = command;
      if (request.through > request.invoiceDate)
        throw new RuleViolation('through-after-invoice-date', `through (${request.through}) must not be after the invoice date (${request.invoiceDate})`);
      if (state.status === 'none') return [{ type: 'InvoiceRunStarted', data: { runId, ...request, billToAccountIds: command.billToAccountIds } }];
      const { invoiceDate, through, accountIds } = state.started;
      const asked: InvoiceRunRequest = { invoiceDate, through, accountIds };
      const same = (r: InvoiceRunRequest) => JSON.stringify([r.invoiceDate, r.through, r.accountIds]);
      if (same(asked) !== same(request))
        throw new Conflict('id-reused', `invoice run ${runId} was sent with ${describeRequest(asked)}, not ${describeRequest(request)}`);
      return [];
    }
    case 'CompleteInvoiceRun':
      if (state.status === 'none') throw new Error('an invoice run completes only once started');
      return state.status === 'completed' ? [] : [{ type: 'InvoiceRunCompleted', data: { runId: state.started.runId, invoices: command.invoices } }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const invoiceRunDecider: Decider<InvoiceRunCommand, InvoiceRunEvent, InvoiceRunState> = {
  decide: decideInvoiceRun,
  evolve: evolveInvoiceRun,
  initialState: initialInvoiceRunState,
};
