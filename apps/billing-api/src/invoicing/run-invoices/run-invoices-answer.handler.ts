import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { findInvoice } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { RunInvoicesAnswerQuery } from './run-invoices-answer.query';

/**
 * The answer as JSON pieces, one invoice at a time from the read models, made only as the client
 * takes them: a month's run (3,000 invoices, 100,000 lines) is about 30 MB of JSON, which held
 * whole, as objects and as text, took over 200 MB. Asked for only once the read models show the run.
 */
@QueryHandler(RunInvoicesAnswerQuery)
export class RunInvoicesAnswerHandler implements IQueryHandler<RunInvoicesAnswerQuery, Iterable<string>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ runId, invoices }: RunInvoicesAnswerQuery): Promise<Iterable<string>> {
    return answerPieces(this.db, runId, invoices);
  }
}

function* answerPieces(db: Database.Database, runId: string, invoices: RunInvoicesAnswerQuery['invoices']): Generator<string> {
  yield `{"id":${JSON.stringify(runId)},"invoices":[`;
  for (const [i, { invoiceId }] of invoices.entries()) {
    const invoice = findInvoice(db, invoiceId);
    if (!invoice) throw new Error(`invoice ${invoiceId} of run ${runId} is not in the read models`);
    yield (i ? ',' : '') + JSON.stringify(invoice);
  }
  yield ']}';
}
