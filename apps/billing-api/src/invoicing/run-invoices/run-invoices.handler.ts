import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  ACCOUNT_DEFAULTS,
  INVOICE_NUMBERS_STREAM,
  invoiceNumberDecider,
  invoiceRunDecider,
  invoiceRunStream,
  invoicesAwaitingNumbers,
  itemsToInvoice,
  ledgerDecider,
  ledgerStream,
  NotFound,
  RuleViolation,
  type GenerateInvoices,
  type InvoiceRunCompletedData,
  type LedgerState,
} from '@billing/domain';
import { billToAccountsAwaitingInvoiceNumbers, billToAccountsToInvoice } from '@billing/projections';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { faultPoint } from '../../infrastructure/fault-points';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { RunInvoicesCommand, type RunInvoicesResult } from './run-invoices.command';

type RunInvoice = InvoiceRunCompletedData['invoices'][number];

/**
 * An invoice run (architecture.md), a process over several streams in a fixed order, each step a
 * single-stream decision that is idempotent:
 *
 * 1. `InvoiceRunStarted` on `invoiceRun-{id}`: the request and the ledgers to visit (a run sent
 *    again with the same request continues; with another, 409).
 * 2. `InvoiceGenerated` on each ledger: its items to invoice claimed, one invoice per PO (a PO the
 *    run already invoiced there is not invoiced twice). Another run can no longer take them.
 * 3. `InvoiceNumberAssigned` on `invoiceNumbers`, one append for every invoice on those ledgers
 *    still waiting for its number (this run's, and any a stopped run left): a number is given only
 *    to an invoice that holds items, so none is skipped, and an invoice keeps the one it got.
 * 4. `InvoiceIssued` on each ledger, with those numbers.
 * 5. `InvoiceRunCompleted`: a run sent again from now on answers the same invoices and creates none.
 *
 * A crash anywhere is finished by sending the run again (or, for its invoices waiting for numbers,
 * by the next run over those ledgers).
 */
@CommandHandler(RunInvoicesCommand)
export class RunInvoicesHandler implements ICommandHandler<RunInvoicesCommand, RunInvoicesResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly lookups: BillingLookups,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ runId, request, metadata }: RunInvoicesCommand): Promise<RunInvoicesResult> {
    // Checked before anything is read or written; the run's decider says the same.
    if (request.through > request.invoiceDate)
      throw new RuleViolation('through-after-invoice-date', `through (${request.through}) must not be after the invoice date (${request.invoiceDate})`);
    for (const accountId of request.accountIds ?? []) {
      if ((await this.lookups.account(accountId)).status !== 'active') throw new NotFound('account', accountId);
    }

    // Step 1. The read models say which ledgers have items to invoice (or invoices waiting for numbers).
    const run = await this.streams.load(invoiceRunStream(runId), invoiceRunDecider);
    let scope: string[] = [];
    if (run.state.status === 'none') {
      await this.readYourWrites.waitForHead();
      scope =
        request.accountIds ?? [...new Set([...billToAccountsToInvoice(this.db, request.through), ...billToAccountsAwaitingInvoiceNumbers(this.db)])].sort();
    }
    const start = await this.streams.decide(
      invoiceRunStream(runId),
      invoiceRunDecider,
      { type: 'StartInvoiceRun', runId, request, billToAccountIds: scope },
      metadata,
    );
    const state = start.state;
    if (state.status === 'none') throw new Error(`invoice run ${runId} did not start`);
    let position = start.position;
    if (state.status === 'completed') return { id: runId, invoices: state.completed.invoices, started: false, position };
    const ledgers = state.started.billToAccountIds;

    // Step 2. Claim the items, ledger by ledger; the ledger as it stands after the claim says which
    // invoices wait for a number and which of the run's are already issued (a run sent again).
    const waiting: (RunInvoice & { runId: string })[] = [];
    const mine: { invoice: RunInvoice; sequence: number }[] = [];
    for (const billToAccountId of ledgers) {
      const account = await this.lookups.account(billToAccountId);
      const { paymentTermsDays, currency } = account.status === 'active' ? account.terms : ACCOUNT_DEFAULTS;
      const generate = async (ledger: LedgerState): Promise<GenerateInvoices> => ({
        type: 'GenerateInvoices',
        runId,
        billToAccountId,
        invoiceDate: request.invoiceDate,
        through: request.through,
        paymentTermsDays,
        currency,
        showOnInvoice: await this.showOnInvoice(ledger, request.through),
      });
      const decision = await this.streams.decide(ledgerStream(billToAccountId), ledgerDecider, generate, metadata, { cache: true });
      position = max(position, decision.position);
      for (const invoice of invoicesAwaitingNumbers(decision.state))
        waiting.push({ invoiceId: invoice.data.invoiceId, billToAccountId, runId: invoice.data.runId });
      for (const invoice of decision.state.invoices.values())
        if (invoice.data.runId === runId && invoice.sequence !== null)
          mine.push({ invoice: { invoiceId: invoice.data.invoiceId, billToAccountId }, sequence: invoice.sequence });
    }
    faultPoint('invoice-run:items-claimed');

    // Step 3. Number every invoice on these ledgers that waits for one.
    if (waiting.length) {
      const settings = await this.lookups.settings();
      const numbers = await this.streams.decide(
        INVOICE_NUMBERS_STREAM,
        invoiceNumberDecider,
        {
          type: 'AssignInvoiceNumbers',
          invoices: waiting.map(({ invoiceId, billToAccountId }) => ({ invoiceId, billToAccountId })),
          prefix: settings.invoiceNumberPrefix,
        },
        metadata,
        { cache: true },
      );
      position = max(position, numbers.position);
      faultPoint('invoice-run:numbers-assigned');

      // Step 4. Issue them.
      for (const billToAccountId of ledgers) {
        const issue = waiting
          .filter((w) => w.billToAccountId === billToAccountId)
          .map(({ invoiceId }) => {
            const { number, sequence } = numbers.state.byInvoice.get(invoiceId)!;
            return { invoiceId, number, sequence };
          });
        if (!issue.length) continue;
        const decision = await this.streams.decide(ledgerStream(billToAccountId), ledgerDecider, { type: 'IssueInvoices', numbers: issue }, metadata, {
          cache: true,
        });
        position = max(position, decision.position);
      }
      for (const { invoiceId, billToAccountId, runId: of } of waiting)
        if (of === runId) mine.push({ invoice: { invoiceId, billToAccountId }, sequence: numbers.state.byInvoice.get(invoiceId)!.sequence });
    }

    // Step 5. The run's invoices, by number.
    const invoices = mine.sort((a, b) => a.sequence - b.sequence).map((m) => m.invoice);
    const completed = await this.streams.decide(invoiceRunStream(runId), invoiceRunDecider, { type: 'CompleteInvoiceRun', invoices }, metadata);
    position = max(position, completed.position);
    return { id: runId, invoices, started: start.events.length > 0, position };
  }

  /** Whether each work type among the items to invoice shows the lines that charge nothing (billing-rules §10). */
  private async showOnInvoice(ledger: LedgerState, through: string): Promise<Record<string, boolean>> {
    const shown: Record<string, boolean> = {};
    for (const item of itemsToInvoice(ledger, through)) {
      const workTypeId = item.labour?.workTypeId;
      if (workTypeId === undefined || workTypeId in shown) continue;
      const workType = await this.lookups.workType(workTypeId);
      shown[workTypeId] = workType?.showOnInvoice ?? true;
    }
    return shown;
  }
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
