import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import { invoiceRunDecider, type StartInvoiceRun } from './invoice-run.decider';
import type { InvoiceRunEvent } from './invoice-run.events';

const run = deciderSpec(invoiceRunDecider);
const start = (request: Partial<StartInvoiceRun['request']> = {}, billToAccountIds = ['acme', 'beta']): StartInvoiceRun => ({
  type: 'StartInvoiceRun',
  runId: 'run-1',
  request: { invoiceDate: '2026-11-30', through: '2026-11-30', accountIds: null, ...request },
  billToAccountIds,
});
const started: InvoiceRunEvent = {
  type: 'InvoiceRunStarted',
  data: { runId: 'run-1', invoiceDate: '2026-11-30', through: '2026-11-30', accountIds: null, billToAccountIds: ['acme', 'beta'] },
};
const completed: InvoiceRunEvent = { type: 'InvoiceRunCompleted', data: { runId: 'run-1', invoices: [{ invoiceId: 'inv-acme-1', billToAccountId: 'acme' }] } };

describe('invoice runs', () => {
  it('a run starts with the ledgers it will visit', () => {
    run.given([]).when(start()).then([started]);
  });

  it('the same request again continues the run (its ledgers as first fixed), before and after it completed', () => {
    run
      .given([started])
      .when(start({}, ['acme']))
      .then([]);
    run.given([started, completed]).when(start()).then([]);
  });

  it.each([
    ['another invoice date', { invoiceDate: '2026-12-31' }],
    ['another through', { through: '2026-11-29' }],
    ['accounts named', { accountIds: ['acme'] }],
  ])('the same id with another request is a conflict: %s', (_case, request) => {
    run.given([started]).when(start(request)).then(conflict('id-reused'));
  });

  it('through after the invoice date is refused', () => {
    run
      .given([])
      .when(start({ through: '2026-12-01' }))
      .then(rule('through-after-invoice-date'));
  });

  it('a run completes once', () => {
    run.given([started]).when({ type: 'CompleteInvoiceRun', invoices: completed.data.invoices }).then([completed]);
    run.given([started, completed]).when({ type: 'CompleteInvoiceRun', invoices: [] }).then([]);
  });
});
