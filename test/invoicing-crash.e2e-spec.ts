import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INVOICE_NUMBERS_STREAM, ledgerStream } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { postAcmesMonth, setUpCatalog } from './support/invoicing-fixture';
import { send, startServiceProcess } from './support/service-process';
import { startTestApp, type TestApp } from './support/test-app';

const RUN = { id: 'run-nov', invoiceDate: '2026-11-30' };

/**
 * An invoice run killed halfway (SIGKILL, as a crash stops it: nothing flushed, no shutdown), at
 * each point between its steps, then sent again: no item invoiced twice, no number skipped or
 * given twice, and the same answer as a run that was never interrupted.
 */
describe('an invoice run that crashed halfway, sent again', () => {
  const dirs: string[] = [];
  let prepared: string;
  let uninterrupted: { id: string; invoices: { id: string; number: string }[] };

  /** A copy of the prepared data: acme's and beta's posted month, nothing invoiced. */
  const freshCopy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
    dirs.push(dir);
    cpSync(prepared, dir, { recursive: true });
    return dir;
  };
  const eventsOf = async (t: TestApp, stream: string) => {
    const types: string[] = [];
    for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(stream)) types.push(e.type);
    return types;
  };

  beforeAll(async () => {
    prepared = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
    dirs.push(prepared);
    const t = await startTestApp({ dataDir: prepared });
    await setUpCatalog(t);
    await postAcmesMonth(t, 'acme');
    await postAcmesMonth(t, 'beta', 'b-');
    await t.close();
    const reference = await startTestApp({ dataDir: freshCopy() });
    uninterrupted = (await reference.as().post('/api/invoice-runs').send(RUN).expect(201)).body;
    await reference.close();
    // acme PO-1, PO-2, no PO; beta the same
    expect(uninterrupted.invoices.map((i) => i.number)).toEqual(['INV-000001', 'INV-000002', 'INV-000003', 'INV-000004', 'INV-000005', 'INV-000006']);
  }, 60_000);
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Runs RUN in a service process that kills itself at `faultPoint`; answers the data folder it left. */
  async function crashAt(faultPoint: string): Promise<string> {
    const dataDir = freshCopy();
    const service = await startServiceProcess(dataDir, faultPoint);
    try {
      const answer = await send(service, 'POST', '/api/invoice-runs', RUN);
      expect(answer).toEqual({ error: expect.any(String) });
      expect(await service.exited).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      // a service that did not reach its fault point is not left behind
      service.kill();
    }
    return dataDir;
  }

  /** The run sent again on the data a crash left: the same answer, every item once, numbers 1 to 6. */
  async function expectFinishedAsIfUninterrupted(t: TestApp) {
    const again = await t.as().post('/api/invoice-runs').send(RUN).expect(200);
    expect(again.body).toEqual(uninterrupted);
    const listed = (await t.as().get('/api/invoices').expect(200)).body.items as { number: string }[];
    expect(listed.map((i) => i.number)).toEqual(uninterrupted.invoices.map((i) => i.number));
    expect(await eventsOf(t, INVOICE_NUMBERS_STREAM)).toEqual(Array(6).fill('InvoiceNumberAssigned'));
    for (const account of ['acme', 'beta']) {
      const invoiceEvents = (await eventsOf(t, ledgerStream(account))).filter((type) => type.startsWith('Invoice'));
      expect(invoiceEvents).toEqual([...Array(3).fill('InvoiceGenerated'), ...Array(3).fill('InvoiceIssued')]);
    }
    expect((await t.as().get('/api/billing-items?invoiced=false').expect(200)).body.total).toBe(0);
    expect((await t.as().get('/api/items-to-invoice?through=2026-11-30').expect(200)).body.groups).toEqual([]);
  }

  it.each([
    ['after claiming the items, before numbering them', 'invoice-run:items-claimed', 0],
    ['after assigning the numbers, before issuing the invoices', 'invoice-run:numbers-assigned', 6],
  ])(
    'killed %s: sent again, it finishes with the same invoices and numbers',
    async (_case, faultPoint, numbersBeforeRetry) => {
      // given: the run killed at the fault point
      const dataDir = await crashAt(faultPoint);
      const t = await startTestApp({ dataDir });
      try {
        // (the read models catch up with what the killed process stored)
        await t.caughtUp();
        // then: its items are claimed (no other run can take them), no invoice is issued yet
        expect((await t.as().get('/api/items-to-invoice?through=2026-11-30').expect(200)).body.groups).toEqual([]);
        expect((await t.as().get('/api/invoices').expect(200)).body.total).toBe(0);
        expect(await eventsOf(t, INVOICE_NUMBERS_STREAM)).toHaveLength(numbersBeforeRetry);
        // when: sent again
        await expectFinishedAsIfUninterrupted(t);
      } finally {
        await t.close();
      }
    },
    60_000,
  );

  it('killed before numbering, another run first: it numbers the invoices the stopped run left; the stopped run sent again answers them', async () => {
    const dataDir = await crashAt('invoice-run:items-claimed');
    const t = await startTestApp({ dataDir });
    try {
      await t.caughtUp();
      // when: another run (nothing left to invoice) comes first
      const other = await t.as().post('/api/invoice-runs').send({ id: 'run-other', invoiceDate: '2026-11-30' }).expect(201);
      // then: it invoices nothing itself, but the stopped run's invoices are issued, numbered 1 to 6
      expect(other.body.invoices).toEqual([]);
      expect((await t.as().get('/api/invoices').expect(200)).body.total).toBe(6);
      await expectFinishedAsIfUninterrupted(t);
    } finally {
      await t.close();
    }
  }, 60_000);
});
