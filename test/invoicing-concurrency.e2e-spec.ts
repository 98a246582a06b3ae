import type Database from 'better-sqlite3';
import { INVOICE_NUMBERS_STREAM } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { findInvoice } from '@billing/projections';
import { RunInvoicesCommand } from '../apps/billing-api/src/invoicing/run-invoices/run-invoices.command';
import { RunInvoicesHandler } from '../apps/billing-api/src/invoicing/run-invoices/run-invoices.handler';
import { BillingLookups } from '../apps/billing-api/src/infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../apps/billing-api/src/infrastructure/read-model-db.token';
import { ReadYourWrites } from '../apps/billing-api/src/infrastructure/read-your-writes';
import { StreamDecisions } from '../apps/billing-api/src/infrastructure/stream-decisions';
import { ok, post, setUpCatalog } from './support/invoicing-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface Invoice {
  id: string;
  number: string;
  billToAccountId: string;
  lines: { billingItemId: string }[];
}

/** Every invoice number issued, in order, and the billing items of every invoice: each item must be on exactly one. */
async function issued(t: TestApp) {
  const list = (await t.as().get('/api/invoices?limit=1000').expect(200)).body.items as Invoice[];
  const lines: string[] = [];
  for (const { id } of list) lines.push(...((await t.as().get(`/api/invoices/${id}`).expect(200)).body as Invoice).lines.map((l) => l.billingItemId));
  return { numbers: list.map((i) => i.number), lines: lines.sort() };
}

const META = { actor: 'other-instance', actorRole: 'finance', correlationId: 'c', causationId: 'c', occurredAt: '2026-11-30T17:00:00.000Z' };

const expectedNumbers = (n: number) => Array.from({ length: n }, (_, i) => `INV-${String(i + 1).padStart(6, '0')}`);

/** 10 accounts, each with 3 charges posted: two on PO-A, one without a PO (20 invoices' worth). */
async function postTenAccounts(t: TestApp) {
  const accounts = Array.from({ length: 10 }, (_, i) => `acc-${i}`);
  const itemIds: string[] = [];
  for (const accountId of accounts) {
    await ok(t, 'post', '/api/accounts', { id: accountId, name: accountId });
    for (const [n, po] of [
      [1, 'PO-A'],
      [2, 'PO-A'],
      [3, null],
    ] as const) {
      const id = `${accountId}-ch-${n}`;
      await ok(t, 'post', '/api/charges', {
        id,
        accountId,
        name: 'Part',
        date: '2026-11-10',
        quantity: '1',
        unitPrice: `${n}0`,
        ...(po && { purchaseOrderNumber: po }),
      });
      itemIds.push(id);
    }
  }
  await post(t, itemIds);
  return { accounts, billingItemIds: itemIds.map((id) => `bi-${id}-1`).sort() };
}

describe('invoice runs at once', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
  });
  afterEach(async () => t.dispose());

  it('two runs at once over the same items: every item on exactly one invoice, numbers 1 to 20 without gap or repeat', async () => {
    // given
    const { billingItemIds } = await postTenAccounts(t);
    // when: two runs with different ids at the same moment
    const answers = await Promise.all(['run-a', 'run-b'].map((id) => t.as().post('/api/invoice-runs').send({ id, invoiceDate: '2026-11-30' })));
    // then: both succeed, and between them they made each of the 20 invoices once
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const made = answers.flatMap((a) => (a.body.invoices as Invoice[]).map((i) => i.number)).sort();
    expect(made).toEqual(expectedNumbers(20));
    const { numbers, lines } = await issued(t);
    expect(numbers).toEqual(expectedNumbers(20));
    expect(lines).toEqual(billingItemIds);
    const assigned: number[] = [];
    for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(INVOICE_NUMBERS_STREAM)) assigned.push((e.data as { sequence: number }).sequence);
    expect(assigned).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('10 runs over 10 accounts at once, and 5 more over every account: each item once, numbers without gap or repeat', async () => {
    // given
    const { accounts, billingItemIds } = await postTenAccounts(t);
    // when: a run per account and five over all of them, all at once
    const answers = await Promise.all([
      ...accounts.map((accountId) =>
        t
          .as()
          .post('/api/invoice-runs')
          .send({ invoiceDate: '2026-11-30', accountIds: [accountId] }),
      ),
      ...Array.from({ length: 5 }, () => t.as().post('/api/invoice-runs').send({ invoiceDate: '2026-11-30' })),
    ]);
    // then
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const { numbers, lines } = await issued(t);
    expect(numbers).toEqual(expectedNumbers(20));
    expect(lines).toEqual(billingItemIds);
    // each account's two invoices (PO-A and none) came from one run or another, never twice
    const perAccount = new Map<string, number>();
    for (const answer of answers)
      for (const i of answer.body.invoices as Invoice[]) perAccount.set(i.billToAccountId, (perAccount.get(i.billToAccountId) ?? 0) + 1);
    expect([...perAccount.values()]).toEqual(accounts.map(() => 2));
  });

  it('two writers with locks and caches of their own (as two instances have) at once: every item on exactly one invoice, numbers without gap or repeat', async () => {
    // given: a second run handler on the same store with its own StreamDecisions: only the store's expected revisions keep the two apart
    const { billingItemIds } = await postTenAccounts(t);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const db = t.app.get<Database.Database>(READ_MODEL_DB);
    const streams = new StreamDecisions(store);
    const otherInstance = new RunInvoicesHandler(streams, new BillingLookups(streams, db), t.app.get(ReadYourWrites), db);
    const run = (id: string, accountIds: string[] | null) =>
      otherInstance.execute(new RunInvoicesCommand(id, { invoiceDate: '2026-11-30', through: '2026-11-30', accountIds }, { ...META, causationId: id }));
    // when
    const [http, ...others] = await Promise.all([
      t.as().post('/api/invoice-runs').send({ id: 'run-1', invoiceDate: '2026-11-30' }),
      run('run-2', null),
      run('run-3', ['acc-3', 'acc-7']),
      run('run-4', null),
    ]);
    // then
    expect(http.status).toBe(201);
    await t.caughtUp();
    const made = [
      ...(http.body.invoices as Invoice[]).map((i) => i.number),
      ...others.flatMap((r) => r.invoices).map((i) => findInvoice(db, i.invoiceId)!.number),
    ];
    expect(made.sort()).toEqual(expectedNumbers(20));
    const { numbers, lines } = await issued(t);
    expect(numbers).toEqual(expectedNumbers(20));
    expect(lines).toEqual(billingItemIds);
  });
});
