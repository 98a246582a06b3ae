import type Database from 'better-sqlite3';
import { findInvoice } from '@billing/projections';
import { invoicesProjection } from '@billing/projections/read-models/invoicing/invoices.projection';
import { billingItem } from '@billing/projections/testing/billing-fixtures';
import { invoiceGenerated, invoiceIssued } from '@billing/projections/testing/invoice-fixtures';
import { projectionSpec } from '@billing/projections/testing/projection-spec';
import { RunInvoicesAnswerHandler } from './run-invoices-answer.handler';
import { RunInvoicesAnswerQuery } from './run-invoices-answer.query';

/** 40 issued invoices of 25 lines on acme's ledger: far more than one 64 KB chunk of answer. */
async function readModelOfFortyInvoices(): Promise<Database.Database> {
  const events = Array.from({ length: 40 }, (_, i) => {
    const items = Array.from({ length: 25 }, (_, j) => billingItem({ billingItemId: `bi-ch-${i}-${j}`, sourceItemId: `ch-${i}-${j}`, amount: '10.00' }));
    return [invoiceGenerated(`inv-${i}`, items), invoiceIssued(`inv-${i}`, i + 1)];
  });
  return projectionSpec(invoicesProjection)
    .given(events.flat().map((event) => ({ event, streamId: 'ledger-acme' })))
    .readModel();
}

const invoicesOf = (ids: string[]) => ids.map((invoiceId) => ({ invoiceId, billToAccountId: 'acme' }));

describe("an invoice run's answer, made piece by piece", () => {
  let db: Database.Database;
  beforeAll(async () => (db = await readModelOfFortyInvoices()));
  afterAll(() => db.close());

  it('is the JSON of { id, invoices } with each invoice as GET /api/invoices/:id shows it, in the run’s order', async () => {
    // given: the run's invoices in the order of their numbers, not of their ids
    const ids = Array.from({ length: 40 }, (_, i) => `inv-${i}`).reverse();
    // when
    const pieces = [...(await new RunInvoicesAnswerHandler(db).execute(new RunInvoicesAnswerQuery('run-nov', invoicesOf(ids))))];
    // then: one piece per invoice between the opening and the closing, and the whole parses to the views
    expect(pieces).toHaveLength(42);
    expect(JSON.parse(pieces.join(''))).toEqual({ id: 'run-nov', invoices: ids.map((id) => JSON.parse(JSON.stringify(findInvoice(db, id)))) });
    expect(JSON.parse(pieces.join('')).invoices[0]).toMatchObject({ id: 'inv-39', number: 'INV-000040' });
  });

  it('reads an invoice only when the piece before it has been taken', async () => {
    // given
    const answer = await new RunInvoicesAnswerHandler(db).execute(new RunInvoicesAnswerQuery('run-nov', invoicesOf(['inv-0', 'inv-1', 'inv-missing'])));
    const pieces = answer[Symbol.iterator]();
    // when: the opening and two invoices are taken
    const taken = [pieces.next(), pieces.next(), pieces.next()];
    // then: nothing has failed yet; the invoice the read models do not have fails only when its turn comes
    expect(taken.map((p) => p.done)).toEqual([false, false, false]);
    expect(() => pieces.next()).toThrow('invoice inv-missing of run run-nov is not in the read models');
  });

  it('of a run with no invoices is an empty list', async () => {
    const pieces = [...(await new RunInvoicesAnswerHandler(db).execute(new RunInvoicesAnswerQuery('run-empty', [])))];
    expect(JSON.parse(pieces.join(''))).toEqual({ id: 'run-empty', invoices: [] });
  });
});
