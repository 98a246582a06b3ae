import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMA_CATALOGUE } from '@billing/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@billing/event-store';
import { publishedEvent, type PublishedEvent } from '../apps/billing-api/src/events/published-event';
import { schemaProblems } from './support/json-schema';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * Events are forever: events written with an earlier schema version are read as the current one
 * (docs/events.md, "Versioning"). The v1 events here are written to the store by hand, in the
 * shapes they had before their v2 (no `resourceId` on a charge, no `overrides`/`routingOverride`
 * on a posting, no `invoiceNumberPrefix` in the settings), and read back through the read models,
 * the write side, the event feed and the audit history of the item.
 */
const OLD = {
  actor: 'key-2025',
  actorRole: 'finance',
  correlationId: 'corr-2025',
  causationId: 'cmd-2025',
  occurredAt: '2026-11-12T09:00:00.000Z',
  schemaVersion: 1,
};

/** The shapes of before v2, as they were stored. */
const SETTINGS_V1 = { roundUpMinutes: 15, multiplyOverage: false, requireApprovedTimesheet: false, stuckAfterDays: 30 };
const charge = (chargeId: string, quantity: string, unitPrice: string) => ({
  chargeId,
  accountId: 'acme',
  contractId: null,
  billingCodeId: null,
  name: 'Cables',
  date: '2026-11-10',
  quantity,
  unitPrice,
  unitCost: '10',
  billable: true,
  purchaseOrderNumber: null,
});
// 3 × $25 = $75.00, cost 3 × $10 = $30.00, untaxed
const POSTED_V1 = {
  billingItemId: 'bi-ch-old-1',
  postingId: 'posting-2025',
  sourceItemId: 'ch-old',
  sourceType: 'CHARGE',
  type: 'CHARGE',
  part: 'WHOLE',
  accountId: 'acme',
  billToAccountId: 'acme',
  contractId: null,
  purchaseOrderNumber: null,
  itemDate: '2026-11-10',
  postedDate: '2026-11-12',
  quantity: '3',
  rate: '25',
  amount: '75.00',
  tax: '0.00',
  cost: '30.00',
  covered: false,
  noCharge: false,
  taxCategoryId: null,
  draws: [],
  description: 'Cables',
  approvedBy: 'key-2025',
};

describe('upcasting on read: v1 events written by hand are read as v2 everywhere', () => {
  let t: TestApp;
  let store: EventStore;
  const byHand: RecordedEvent[] = [];

  const append = async (stream: string, type: string, data: object) => {
    await store.appendToStream(stream, [{ id: randomUUID(), type, data, metadata: OLD }], { expectedRevision: 'any' });
  };

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    await t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme Dental' }).expect(201);
    // given: by hand, v1 settings; a v1 charge approved and posted in v1; another v1 charge, pending
    await append('billingSettings', 'BillingSettingsChanged', SETTINGS_V1);
    await append('itemId-ch-old', 'ItemIdClaimed', { itemId: 'ch-old', sourceType: 'CHARGE', streamId: 'charge-ch-old' });
    await append('charge-ch-old', 'ChargeRecorded', charge('ch-old', '3', '25'));
    await append('charge-ch-old', 'ItemApproved', {
      itemId: 'ch-old',
      ledgerAccountId: 'acme',
      postedDate: '2026-11-12',
      overrides: {},
      approvedBy: 'key-2025',
    });
    await append('ledger-acme', 'ItemPosted', POSTED_V1);
    await append('itemId-ch-pending', 'ItemIdClaimed', { itemId: 'ch-pending', sourceType: 'CHARGE', streamId: 'charge-ch-pending' });
    await append('charge-ch-pending', 'ChargeRecorded', charge('ch-pending', '2', '40'));
    for await (const recorded of store.readAll())
      if (recorded.metadata.correlationId === OLD.correlationId && recorded.type !== 'ItemIdClaimed') byHand.push(recorded);
    await t.caughtUp();
  });
  afterAll(async () => t?.dispose());

  it('the events were stored as v1, in the old shapes', () => {
    expect(byHand.map((event) => [event.type, event.metadata.schemaVersion])).toEqual([
      ['BillingSettingsChanged', 1],
      ['ChargeRecorded', 1],
      ['ItemApproved', 1],
      ['ItemPosted', 1],
      ['ChargeRecorded', 1],
    ]);
    expect(byHand[1].data).not.toHaveProperty('resourceId');
    expect(byHand[3].data).not.toHaveProperty('overrides');
  });

  it('the old shapes are what the published v1 schemas describe', () => {
    for (const event of byHand) {
      const v1 = EVENT_SCHEMA_CATALOGUE.types.find((entry) => entry.type === event.type)!.earlierVersions[0].schema!;
      expect(schemaProblems(v1, event.data, event.type)).toEqual([]);
    }
  });

  it('(a) the read models show the v1 charge with no resource, and its v1 posting as posted', async () => {
    // then: the charge as v2 reads it: resourceId null (v1 named nobody), posted
    const charged = (await t.as().get('/api/charges/ch-old').expect(200)).body;
    expect(charged).toMatchObject({ id: 'ch-old', quantity: '3', unitPrice: '25', status: 'POSTED' });
    expect(charged).toHaveProperty('resourceId', null);
    expect((await t.as().get('/api/charges/ch-pending').expect(200)).body).toMatchObject({ resourceId: null, status: 'PENDING' });
    // and: the billing item of the v1 posting
    expect((await t.as().get('/api/billing-items/bi-ch-old-1').expect(200)).body).toMatchObject({
      sourceItemId: 'ch-old',
      amount: '75.00',
      cost: '30.00',
      status: 'POSTED',
    });
  });

  it('the write side folds them as v2: the settings have the default prefix; a v1 charge posts; the v1 posting is invoiced', async () => {
    // then: the v1 settings read with the prefix v1 had no setting for
    expect((await t.as().get('/api/settings').expect(200)).body).toEqual({ ...SETTINGS_V1, invoiceNumberPrefix: 'INV-' });
    // when: the pending v1 charge is approved and posted: 2 × $40 = $80.00
    const posted = (
      await t
        .as()
        .post('/api/approve-and-post')
        .send({ itemIds: ['ch-pending'], postedDate: '2026-11-21' })
        .expect(200)
    ).body.posted;
    expect(posted).toEqual([expect.objectContaining({ id: 'bi-ch-pending-1', amount: '80.00' })]);
    // and: invoiced with the v1 posting on the same ledger: 75.00 + 80.00 = 155.00, numbered with the prefix upcast in
    const [invoice] = (await t.as().post('/api/invoice-runs').send({ id: 'run-1', invoiceDate: '2026-11-30' }).expect(201)).body.invoices;
    const shown = (await t.as().get(`/api/invoices/${invoice.id}`).expect(200)).body;
    expect(shown).toMatchObject({ number: 'INV-000001', subtotal: '155.00', total: '155.00' });
    expect(shown.lines.map((line: { sourceItemId: string; amount: string }) => [line.sourceItemId, line.amount])).toEqual([
      ['ch-old', '75.00'],
      ['ch-pending', '80.00'],
    ]);
  });

  it('(b) publishedEvent raises each to v2, with the fields v2 added, and its v2 schema accepts it', () => {
    const published = byHand.map(publishedEvent);
    expect(published.map((event) => [event.type, event.schemaVersion])).toEqual([
      ['BillingSettingsChanged', 2],
      ['ChargeRecorded', 2],
      ['ItemApproved', 2],
      ['ItemPosted', 2],
      ['ChargeRecorded', 2],
    ]);
    expect(published[0].data).toEqual({ ...SETTINGS_V1, invoiceNumberPrefix: 'INV-' });
    expect(published[1].data).toEqual({ ...charge('ch-old', '3', '25'), resourceId: null });
    expect(published[3].data).toEqual({ ...POSTED_V1, overrides: null, routingOverride: null });
    // the store's schemaVersion is the event's own field; the rest of the metadata is as written
    const { schemaVersion: _, ...metadata } = OLD;
    expect(published[3].metadata).toMatchObject(metadata);
    expect(published[3].metadata).not.toHaveProperty('schemaVersion');
    for (const event of published) {
      const v2 = EVENT_SCHEMA_CATALOGUE.types.find((entry) => entry.type === event.type)!.schema;
      expect(schemaProblems(v2, event.data, event.type)).toEqual([]);
    }
  });

  it('(b) the event feed and one stream’s events answer them as v2', async () => {
    const feed = (await t.as().get('/api/events?types=BillingSettingsChanged,ChargeRecorded,ItemPosted&limit=100').expect(200)).body.events as PublishedEvent[];
    const old = feed.filter((event) => event.metadata.correlationId === OLD.correlationId);
    expect(old).toEqual(byHand.filter((event) => event.type !== 'ItemApproved').map(publishedEvent));
    const stream = (await t.as().get('/api/streams/charge-ch-old').expect(200)).body.events as PublishedEvent[];
    expect(stream[0]).toMatchObject({ type: 'ChargeRecorded', schemaVersion: 2, data: { chargeId: 'ch-old', resourceId: null } });
  });

  it('(c) the audit history of the v1 item shows each step as v2', async () => {
    const history = (await t.as().get('/api/audit/items/ch-old/history').expect(200)).body as {
      steps: { step: string; type: string; actor: string; details: Record<string, unknown>; publishedEvent: PublishedEvent }[];
    };
    const step = (type: string) => history.steps.find((candidate) => candidate.type === type)!;
    // then: recorded with no resource, approved, and posted with no overrides recorded and no re-routing, as v2 reads v1
    expect(step('ChargeRecorded')).toMatchObject({ step: 'LOGGED', actor: 'key-2025', details: { chargeId: 'ch-old', resourceId: null } });
    expect(step('ItemApproved')).toMatchObject({ step: 'APPROVED', details: { overrides: {} } });
    expect(step('ItemPosted')).toMatchObject({
      step: 'POSTED',
      details: { billingItemId: 'bi-ch-old-1', amount: '75.00', overrides: null, routingOverride: null },
    });
    for (const type of ['ChargeRecorded', 'ItemApproved', 'ItemPosted'])
      expect(step(type).publishedEvent).toEqual(publishedEvent(byHand.find((event) => event.type === type)!));
  });
});
