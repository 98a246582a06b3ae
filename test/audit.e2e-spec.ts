import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { logTime, ok, setUpAcme, setUpCatalog } from './support/invoicing-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface Step {
  step: string;
  type: string;
  streamId: string;
  position: string;
  actor: string;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
  reason: string | null;
  details: Record<string, unknown>;
  publishedEvent: { type: string; position: string; data: Record<string, unknown> };
}

/*
 * The audit queries (issue 10): the history of one billable item, and a contract balance and a
 * ledger as they stood at a past point, replayed from the events.
 *
 * te-1 (acme, onsite, so on the Block contract: 10 h × $100 bought, $140 an hour beyond) is logged
 * at 8 h, revised to 11 h, approved with 12 hours to bill and posted (10 h from the block, 2 h
 * overage = $280.00), invoiced, voided with unpost, and posted again without the override (10 h
 * from the block, 1 h overage = $140.00). After each step the test writes down the store's last
 * position and what the live read model answered then.
 */
describe('audit: history and as-of queries', () => {
  let t: TestApp;
  let auditor: string;
  let technician: string;
  let approver: string;
  let integration: string;
  let invoiceId: string;
  const at: Record<'posted' | 'invoiced' | 'voided' | 'reposted', string> = { posted: '', invoiced: '', voided: '', reposted: '' };
  const liveBalance: Partial<Record<keyof typeof at, unknown>> = {};
  const head = async () => (await t.app.get<EventStore>(EVENT_STORE).headPosition()).toString();
  const balance = async () => (await t.as().get('/api/contracts/acme-blk/balance').expect(200)).body;
  const withoutAsOf = ({ asOf: _asOf, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
    await setUpAcme(t);
    await logTime(t, { id: 'te-1', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-17', hoursWorked: '8' });
    await t.as().patch('/api/time-entries/te-1').send({ hoursWorked: '11' }).expect(200);
    await ok(t, 'post', '/api/approve-and-post', { itemIds: ['te-1'], postedDate: '2026-11-21', overrides: { 'te-1': { hoursToBill: '12' } } });
    at.posted = await head();
    liveBalance.posted = await balance();
    const run = await ok(t, 'post', '/api/invoice-runs', { id: 'run-1', invoiceDate: '2026-11-30' });
    invoiceId = run.invoices[0].id;
    at.invoiced = await head();
    await ok(t, 'post', `/api/invoices/${invoiceId}/void`, { reason: 'wrong block', unpost: true });
    at.voided = await head();
    liveBalance.voided = await balance();
    await ok(t, 'post', '/api/approve-and-post', { itemIds: ['te-1'], postedDate: '2026-12-01' });
    at.reposted = await head();
    liveBalance.reposted = await balance();
    await t.caughtUp();
    auditor = await t.keyFor('auditor');
    technician = await t.keyFor('technician');
    approver = await t.keyFor('timesheet-approver');
    integration = await t.keyFor('integration');
  });
  afterAll(async () => t.dispose());

  describe("an item's history", () => {
    it('lists every step from logging to the repost, in order, each with who, when and why', async () => {
      // when: an auditor asks
      const res = await t.as(auditor).get('/api/audit/items/te-1/history').expect(200);
      // then
      const steps = res.body.steps as Step[];
      expect(res.body).toMatchObject({ itemId: 'te-1', requestedId: 'te-1', billingItemIds: ['bi-te-1-1', 'bi-te-1-2', 'bi-te-1-3', 'bi-te-1-4'] });
      expect(res.body.streams).toEqual(['timeEntry-te-1', 'ledger-acme']);
      expect(steps.map((s) => [s.step, s.type])).toEqual([
        ['LOGGED', 'TimeEntryLogged'],
        ['REVISED', 'TimeEntryRevised'],
        ['APPROVED', 'ItemApproved'],
        ['POSTED', 'ItemPosted'],
        ['POSTED', 'ItemPosted'],
        ['INVOICED', 'InvoiceGenerated'],
        ['INVOICE_ISSUED', 'InvoiceIssued'],
        ['INVOICE_VOIDED', 'InvoiceVoided'],
        ['UNPOSTED', 'ItemUnposted'],
        ['RELEASED', 'ItemReleased'],
        ['APPROVED', 'ItemApproved'],
        ['POSTED', 'ItemPosted'],
        ['POSTED', 'ItemPosted'],
      ]);
      const positions = steps.map((s) => BigInt(s.position));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
      expect(new Set(positions).size).toBe(positions.length);
      for (const step of steps) {
        // who and when; the step as published is the same event
        expect(step).toMatchObject({ actor: 'bootstrap', actorRole: 'finance', occurredAt: expect.stringMatching(/^2\d{3}-\d\d-\d\dT/) });
        expect(Date.parse(step.recordedAt)).not.toBeNaN();
        expect(step.publishedEvent).toMatchObject({ type: step.type, position: step.position });
      }
      // why: the void's reason, on the void, the unpost and the release it caused
      expect(steps.filter((s) => s.reason !== null).map((s) => [s.step, s.reason])).toEqual([
        ['INVOICE_VOIDED', 'wrong block'],
        ['UNPOSTED', 'wrong block'],
        ['RELEASED', 'wrong block'],
      ]);
    });

    it('shows the revision, and the approval with its override and the value it replaced', async () => {
      const steps = (await t.as(auditor).get('/api/audit/items/te-1/history').expect(200)).body.steps as Step[];
      expect(steps[1].details).toEqual({ changes: { hoursWorked: { from: '8', to: '11' } } });
      expect(steps[2].details).toEqual({
        ledgerAccountId: 'acme',
        postedDate: '2026-11-21',
        approvedBy: 'bootstrap',
        overrides: { hoursToBill: '12' },
        original: { hoursToBill: '11' },
      });
      // the second approval, after the release, overrides nothing
      expect(steps[10].details).toMatchObject({ postedDate: '2026-12-01', overrides: {}, original: {} });
    });

    it('shows each posting: the block drawn, the overage, the rate and what it came from', async () => {
      const steps = (await t.as(auditor).get('/api/audit/items/te-1/history').expect(200)).body.steps as Step[];
      const ratedFrom = { roleHourlyRate: '120', contractRoleRate: null, contractOverageRate: '140', workTypeModifier: { type: 'none' } };
      // 12 h to bill (the override of 11): 10 h from the block, 2 h × $140 = $280.00 beyond it
      expect(steps[3].details).toMatchObject({
        billingItemId: 'bi-te-1-1',
        part: 'COVERED',
        quantity: '10',
        amount: '0.00',
        covered: true,
        overage: false,
        draws: [{ purchaseId: 'acme-b1', kind: 'hours', quantity: '10' }],
        hoursWorked: '11',
        hoursToBill: '12',
        original: { hoursToBill: '11' },
        overrides: { hoursToBill: '12' },
      });
      expect(steps[4].details).toMatchObject({
        billingItemId: 'bi-te-1-2',
        type: 'LABOR_OVERAGE',
        part: 'OVERAGE',
        quantity: '2',
        rate: '140',
        rateSource: 'CONTRACT_OVERAGE_RATE',
        amount: '280.00',
        overage: true,
        draws: [],
        ratedFrom,
      });
      // reposted without the override: 11 h, 10 from the block given back, 1 h × $140
      expect(steps[12].details).toMatchObject({
        billingItemId: 'bi-te-1-4',
        quantity: '1',
        amount: '140.00',
        overage: true,
        hoursToBill: '11',
        original: null,
      });
      // invoiced, issued, voided: the invoice naming the item
      expect(steps[5].details).toMatchObject({ invoiceId, runId: 'run-1', billingItemIds: ['bi-te-1-1', 'bi-te-1-2'] });
      expect(steps[6].details).toEqual({ invoiceId, number: 'INV-000001' });
      expect(steps[7].details).toMatchObject({ invoiceId, number: 'INV-000001', unpost: true });
      expect(steps[8].details).toMatchObject({
        billingItemIds: ['bi-te-1-1', 'bi-te-1-2'],
        returned: [{ purchaseId: 'acme-b1', kind: 'hours', quantity: '10' }],
      });
    });

    it('a billing item id names its source item: the same history', async () => {
      const bySource = (await t.as(auditor).get('/api/audit/items/te-1/history').expect(200)).body;
      const byBillingItem = (await t.as(auditor).get('/api/audit/items/bi-te-1-2/history').expect(200)).body;
      expect(byBillingItem).toEqual({ ...bySource, requestedId: 'bi-te-1-2' });
    });

    it('an unknown item: 404', async () => {
      const res = await t.as(auditor).get('/api/audit/items/te-404/history').expect(404);
      expect(res.body).toMatchObject({ error: 'not_found' });
    });
  });

  describe('a contract balance as of a past point', () => {
    it('equals what the live read model answered at that point', async () => {
      for (const point of ['posted', 'voided', 'reposted'] as const) {
        // when: asked as of the position the store had reached then
        const res = await t.as(auditor).get(`/api/audit/contracts/acme-blk/balance?asOf=${at[point]}`).expect(200);
        // then
        expect({ point, balance: withoutAsOf(res.body) }).toEqual({ point, balance: liveBalance[point] });
        expect(res.body.asOf).toEqual({ position: at[point], date: null, recordedBefore: null });
      }
      // the figures, by hand: 10 h drawn and $280.00 beyond; all given back by the void; 10 h and $140.00 after the repost
      expect(liveBalance.posted).toMatchObject({ used: '10', remaining: '0', overage: '280.00' });
      expect(liveBalance.voided).toMatchObject({ used: '0', remaining: '10', overage: '0.00' });
      expect(liveBalance.reposted).toMatchObject({ used: '10', remaining: '0', overage: '140.00' });
    });

    it('without asOf: as the store stands now, the live answer', async () => {
      const res = await t.as(auditor).get('/api/audit/contracts/acme-blk/balance').expect(200);
      expect(withoutAsOf(res.body)).toEqual(await balance());
      expect(res.body.asOf.position).toBe(await head());
    });

    it('a contract that did not exist yet, or never: 404', async () => {
      await t.as(auditor).get('/api/audit/contracts/acme-blk/balance?asOf=1').expect(404);
      await t.as(auditor).get('/api/audit/contracts/nope/balance').expect(404);
    });
  });

  describe('a ledger as of a past point', () => {
    const ledgerAt = async (asOf: string) => (await t.as(auditor).get(`/api/audit/ledgers/acme?asOf=${asOf}`).expect(200)).body;
    const itemsOf = (body: { items: { id: string; status: string; invoiceId: string | null }[] }) => body.items.map((i) => [i.id, i.status, i.invoiceId]);

    it('shows the invoice issued before its void, and void after it, with its items as they stood', async () => {
      // given / when
      const posted = await ledgerAt(at.posted);
      const invoiced = await ledgerAt(at.invoiced);
      const voided = await ledgerAt(at.voided);
      const now = await ledgerAt(at.reposted);
      // then
      expect(posted.invoices).toEqual([]);
      expect(itemsOf(posted)).toEqual([
        ['bi-te-1-1', 'POSTED', null],
        ['bi-te-1-2', 'POSTED', null],
      ]);
      expect(invoiced.invoices).toEqual([
        expect.objectContaining({ id: invoiceId, number: 'INV-000001', status: 'ISSUED', void: null, total: '304.85', lineCount: 2, itemCount: 2 }),
      ]);
      expect(itemsOf(invoiced)).toEqual([
        ['bi-te-1-1', 'POSTED', invoiceId],
        ['bi-te-1-2', 'POSTED', invoiceId],
      ]);
      expect(voided.invoices).toEqual([
        expect.objectContaining({ id: invoiceId, status: 'VOID', void: expect.objectContaining({ reason: 'wrong block', unposted: true }) }),
      ]);
      expect(itemsOf(voided)).toEqual([
        ['bi-te-1-1', 'UNPOSTED', null],
        ['bi-te-1-2', 'UNPOSTED', null],
      ]);
      expect(itemsOf(now)).toEqual([
        ['bi-te-1-1', 'UNPOSTED', null],
        ['bi-te-1-2', 'UNPOSTED', null],
        ['bi-te-1-3', 'POSTED', null],
        ['bi-te-1-4', 'POSTED', null],
      ]);
      expect(now).toMatchObject({ accountId: 'acme', counts: { posted: 2, unposted: 2 }, total: 4, limit: 100, offset: 0, lastPosition: at.reposted });
    });

    it('each item as the billing items list shows it, and a page at a time', async () => {
      const page = (await t.as(auditor).get(`/api/audit/ledgers/acme?asOf=${at.reposted}&limit=1&offset=3`).expect(200)).body;
      const { postedAt, ...item } = page.items[0];
      expect(item).toEqual((await t.as().get('/api/billing-items/bi-te-1-4').expect(200)).body);
      expect(postedAt).toEqual({ position: at.reposted, recordedAt: expect.any(String) });
      expect(page).toMatchObject({ total: 4, limit: 1, offset: 3 });
    });

    it('an account unknown then, or ever: 404', async () => {
      await t.as(auditor).get('/api/audit/ledgers/acme?asOf=1').expect(404);
      await t.as(auditor).get('/api/audit/ledgers/nobody').expect(404);
    });
  });

  describe('asOf', () => {
    it.each(['yesterday', '2026-02-30', '-1', '2026-11-1', '1e3', '99999999999999999999'])('%s is refused: 400', async (asOf) => {
      const balance = await t.as(auditor).get(`/api/audit/contracts/acme-blk/balance?asOf=${asOf}`).expect(400);
      expect(balance.body).toMatchObject({ error: 'validation', details: [expect.objectContaining({ field: 'asOf' })] });
      await t.as(auditor).get(`/api/audit/ledgers/acme?asOf=${asOf}`).expect(400);
    });

    it('a position beyond the last event is refused: 422 (its answer could still change)', async () => {
      const beyond = (BigInt(await head()) + 1000n).toString();
      const res = await t.as(auditor).get(`/api/audit/contracts/acme-blk/balance?asOf=${beyond}`).expect(422);
      expect(res.body).toMatchObject({ error: 'rule', rule: 'as-of-in-future' });
    });
  });

  describe('who may ask', () => {
    it.each(['/api/audit/items/te-1/history', '/api/audit/contracts/acme-blk/balance', '/api/audit/ledgers/acme'])(
      '%s: finance and an auditor read it; a technician, an approver and an integration are refused (403), no key 401',
      async (url) => {
        await t.as().get(url).expect(200);
        await t.as(auditor).get(url).expect(200);
        await t.as(technician).get(url).expect(403);
        await t.as(approver).get(url).expect(403);
        await t.as(integration).get(url).expect(403);
        await request(t.app.getHttpServer()).get(url).expect(401);
      },
    );
  });

  // Last: it moves the recorded dates of this test's own store.
  describe('as of a day', () => {
    it('a balance as of a day equals what the live read model answered at the end of it', async () => {
      // given: the store stamps events with the wall clock, so the test moves its history to days it
      // chooses (through its own connection to its own store): everything up to the first posting
      // on 31 October, everything after on 2 November
      const raw = new Database(join(t.config.dataDir, 'ledger.sqlite'));
      raw.prepare("UPDATE events SET recorded_at = '2026-10-31T12:00:00.000Z' WHERE position <= ?").run(Number(at.posted));
      raw.prepare("UPDATE events SET recorded_at = '2026-11-02T12:00:00.000Z' WHERE position > ?").run(Number(at.posted));
      raw.close();
      const balanceOn = async (day: string) => (await t.as(auditor).get(`/api/audit/contracts/acme-blk/balance?asOf=${day}`).expect(200)).body;
      // when / then: 31 October and 1 November end with the first posting; 2 November with the repost
      for (const day of ['2026-10-31', '2026-11-01']) {
        const answer = await balanceOn(day);
        expect(withoutAsOf(answer)).toEqual(liveBalance.posted);
        expect(answer.asOf).toEqual({ position: null, date: day, recordedBefore: expect.stringMatching(/T00:00:00.000Z$/) });
      }
      expect(withoutAsOf(await balanceOn('2026-11-02'))).toEqual(liveBalance.reposted);
      // before the contract was recorded
      await t.as(auditor).get('/api/audit/contracts/acme-blk/balance?asOf=2026-10-30').expect(404);
      await t.as(auditor).get('/api/audit/ledgers/acme?asOf=2026-10-30').expect(404);
      // the ledger on 31 October: the first posting, not invoiced
      expect((await t.as(auditor).get('/api/audit/ledgers/acme?asOf=2026-10-31').expect(200)).body).toMatchObject({
        invoices: [],
        total: 2,
        lastPosition: at.posted,
      });
    });
  });
});
