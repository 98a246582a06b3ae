import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACTOR_ROLES, currentSchemaVersion, EVENT_SCHEMA_CATALOGUE, type EventSchemaCatalogue } from '@billing/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@billing/event-store';
import { publishedEvent } from '../apps/billing-api/src/events/published-event';
import { DailyAccrual } from '../apps/billing-api/src/recurring/accrue-recurring/daily-accrual';
import { postAcmesMonth, setUpCatalog } from './support/invoicing-fixture';
import { schemaProblems } from './support/json-schema';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The published event contract (docs/events.md), over a store filled through the API by a broad
 * set of commands and by the service's own writers (the bootstrap key, the daily accrual, a
 * webhook paused after failing): every stored event carries the metadata of the contract, has
 * data its type's JSON Schema accepts, and carries the reason a person gave.
 */
const ROOT = join(__dirname, '..');
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** The requests that give a reason, by the correlation id each is sent with. */
const REASONS = {
  'corr-timesheet-reject': { reason: 'Friday is missing', types: ['TimesheetRejected'] },
  'corr-licence-confirm': { reason: 'the new office joined', types: ['LicenceExceptionConfirmed', 'ServiceUnitsChanged', 'ServiceAdjustmentAccrued'] },
  'corr-licence-reject': { reason: 'a sync glitch', types: ['LicenceExceptionRejected'] },
  'corr-unpost': { reason: 'cables were returned', types: ['ItemUnposted', 'ItemReleased'] },
  'corr-void': { reason: 'wrong purchase order', types: ['InvoiceVoided', 'ItemUnposted', 'ItemReleased'] },
  'corr-rotate': { reason: 'leaked in a log', types: ['ApiKeyRotated'] },
  'corr-revoke': { reason: 'the auditor left', types: ['ApiKeyRevoked'] },
  'corr-webhook-remove': { reason: 'the CRM moved', types: ['WebhookRemoved'] },
} as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the event contract: metadata, schemas and reasons on every stored event', () => {
  let t: TestApp;
  let events: RecordedEvent[];
  let keyRoles: Map<string, string>;

  /** Sends a request and fails loudly unless it answers 2xx. */
  async function send(method: 'post' | 'put' | 'patch' | 'delete', url: string, body: object, options: { key?: string; correlationId?: string } = {}) {
    let req = t.as(options.key)[method](url);
    if (options.correlationId) req = req.set('X-Correlation-Id', options.correlationId);
    const res = await req.send(body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  }
  const issueKey = async (id: string, role: string, resourceId?: string) =>
    (await send('post', '/api/api-keys', { id, name: `${role} key`, role, ...(resourceId ? { resourceId } : {}) })).key as string;

  beforeAll(async () => {
    // given: a service whose webhooks give up after one failed delivery, at once
    t = await startTestApp({ webhooks: { retryBaseMs: 1, retryCapMs: 5, pauseAfterFailures: 1, requestTimeoutMs: 2000, pollMs: 20 } });
    // and: Acme's month posted (catalog, tax, contracts, a block, time entries, charges: invoicing-fixture)
    await setUpCatalog(t);
    const ids = await postAcmesMonth(t);
    const technician = await issueKey('key-ann', 'technician', 'ann');
    const approver = await issueKey('key-approver', 'timesheet-approver');
    const integration = await issueKey('key-integration', 'integration');
    await issueKey('key-spare', 'auditor');

    // and: a technician's own work, revised, and its week rejected with a reason, then approved
    await send(
      'post',
      '/api/time-entries',
      { id: 'te-5', accountId: 'acme', resourceId: 'ann', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-17', hoursWorked: '1' },
      { key: technician },
    );
    await send('patch', '/api/time-entries/te-5', { hoursWorked: '1.5' }, { key: technician });
    await send('post', '/api/expenses', { id: 'x-1', accountId: 'acme', category: 'mileage', date: '2026-11-18', amount: '42.80' }, { key: technician });
    await send('post', '/api/timesheets/ann/2026-11-16/submit', {}, { key: technician });
    await send(
      'post',
      '/api/timesheets/ann/2026-11-16/reject',
      { reason: REASONS['corr-timesheet-reject'].reason },
      { key: approver, correlationId: 'corr-timesheet-reject' },
    );
    await send('post', '/api/timesheets/ann/2026-11-16/submit', {}, { key: technician });
    await send('post', '/api/timesheets/ann/2026-11-16/approve', {}, { key: approver });

    // and: settings, catalog and contract changes
    await send('put', '/api/settings', { roundUpMinutes: 6, invoiceNumberPrefix: 'ACME-' });
    await send('post', '/api/exclusion-sets', { id: 'bronze', name: 'Bronze', workTypeIds: ['onsite'], roleIds: [] });
    await send('put', '/api/exclusion-sets/bronze', { name: 'Bronze', workTypeIds: ['onsite', 'remote'], roleIds: [] });
    await send('post', '/api/billing-codes', { id: 'managed', name: 'Managed services', type: 'service', taxCategory: 'labour' });
    await send('post', '/api/billing-codes', { id: 'ms', name: 'Milestone', type: 'milestone' });
    await send('patch', `/api/contracts/${ids.tm}`, { endDate: '2027-06-30' });
    const term = { accountId: 'acme', startDate: '2026-01-01', endDate: '2026-12-31' };
    await send('post', '/api/contracts', { ...term, id: 'acme-ret', name: 'Retainer', type: 'RETAINER' });
    await send('post', '/api/contracts/acme-ret/retainer-purchases', { id: 'r-1', amount: '500', startDate: '2026-11-01', endDate: '2026-11-30' });
    await send('post', '/api/contracts', { ...term, id: 'acme-pt', name: 'Per ticket', type: 'PER_TICKET' });
    await send('post', '/api/contracts/acme-pt/ticket-purchases', {
      id: 't-1',
      tickets: 2,
      perTicketRate: '45',
      startDate: '2026-11-01',
      endDate: '2026-11-30',
    });
    await send('post', '/api/tickets/T-1/complete', { accountId: 'acme', contractId: 'acme-pt', date: '2026-11-18' });
    await send('post', '/api/contracts', { ...term, id: 'acme-fp', name: 'Fixed price', type: 'FIXED_PRICE' });
    await send('post', '/api/contracts/acme-fp/milestones', { id: 'm-1', title: 'Design', amount: '1000', dueDate: '2026-11-15', billingCodeId: 'ms' });
    await send('post', '/api/contracts/acme-fp/milestones/m-1/ready', {});

    // and: a recurring service accrued, and licence counts held beyond the tolerance: one confirmed, one rejected
    await send('post', `/api/contracts/${ids.rec}/services`, { id: 'desk', name: 'Managed desktop', units: 10, unitPrice: '30', billingCodeId: 'managed' });
    await send('post', '/api/recurring/accrue', { through: '2026-11-01' });
    await send('post', `/api/contracts/${ids.rec}/services/desk/units`, { units: '100', effectiveDate: '2026-11-10', source: 'm365' }, { key: integration });
    await send(
      'post',
      `/api/licence-exceptions/lic:${ids.rec}:1/confirm`,
      { reason: REASONS['corr-licence-confirm'].reason },
      { correlationId: 'corr-licence-confirm' },
    );
    await send('post', `/api/contracts/${ids.rec}/services/desk/units`, { units: '500', effectiveDate: '2026-11-20', source: 'm365' }, { key: integration });
    await send(
      'post',
      `/api/licence-exceptions/lic:${ids.rec}:2/reject`,
      { reason: REASONS['corr-licence-reject'].reason },
      { correlationId: 'corr-licence-reject' },
    );

    // and: an entry re-routed by the approver, with a reason; a posting undone; an invoice run; an invoice voided with its items unposted
    await send('post', '/api/time-entries', {
      id: 'te-6',
      accountId: 'acme',
      resourceId: 'ann',
      roleId: 'engineer',
      workTypeId: 'onsite',
      dateWorked: '2026-11-19',
      hoursWorked: '1',
    });
    await send(
      'post',
      '/api/approve-and-post',
      {
        itemIds: ['te-6', 'x-1', 'r-1', 't-1', 'ticket:T-1', 'm-1'],
        postedDate: '2026-11-21',
        overrides: { 'te-6': { contractId: ids.tm, reason: 'billed as T&M by agreement' } },
      },
      { correlationId: 'corr-reroute' },
    );
    await send('post', '/api/billing-items/bi-ch-1-1/unpost', { reason: REASONS['corr-unpost'].reason }, { correlationId: 'corr-unpost' });
    const invoices = (await send('post', '/api/invoice-runs', { id: 'run-1', invoiceDate: '2026-11-30' })).invoices as {
      id: string;
      purchaseOrderNumber: string | null;
    }[];
    const po2 = invoices.find((invoice) => invoice.purchaseOrderNumber === 'PO-2')!;
    await send('post', `/api/invoices/${po2.id}/void`, { reason: REASONS['corr-void'].reason, unpost: true }, { correlationId: 'corr-void' });

    // and: a key rotated and another revoked, each with a reason
    await send('post', '/api/api-keys/key-integration/rotate', { reason: REASONS['corr-rotate'].reason }, { correlationId: 'corr-rotate' });
    await send('delete', '/api/api-keys/key-spare', { reason: REASONS['corr-revoke'].reason }, { correlationId: 'corr-revoke' });

    // and: the service's own writers: the daily accrual, and a webhook to a closed port, paused when delivering what the accrual wrote fails
    await send('post', '/api/webhooks', { id: 'crm', url: 'http://127.0.0.1:9/ledger', types: ['ServicePeriodAccrued'], secret: 'a-secret-of-16-chars' });
    await t.app.get(DailyAccrual).run(new Date('2026-12-01T06:00:00Z'));
    const deadline = Date.now() + 10_000;
    while ((await t.as().get('/api/webhooks/crm')).body.status !== 'paused' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await send('delete', '/api/webhooks/crm', { reason: REASONS['corr-webhook-remove'].reason }, { correlationId: 'corr-webhook-remove' });

    // when: every stored event is read back
    events = [];
    for await (const recorded of t.app.get<EventStore>(EVENT_STORE).readAll()) events.push(recorded);
    keyRoles = new Map((await t.as().get('/api/api-keys').expect(200)).body.map((key: { id: string; role: string }) => [key.id, key.role]));
  }, 120_000);
  afterAll(async () => t?.dispose());

  it('the scenario wrote events of a broad set of types, by people and by the service itself', () => {
    const types = new Set(events.map((event) => event.type));
    // prettier-ignore
    const expected = [
      'ApiKeyIssued', 'ApiKeyRotated', 'ApiKeyRevoked', 'AccountCreated', 'RoleCreated', 'WorkTypeCreated', 'TaxRegionCreated', 'BillingCodeCreated',
      'ExclusionSetCreated', 'ExclusionSetChanged', 'BillingSettingsChanged', 'ContractCreated', 'ContractExtended', 'DefaultContractClaimed',
      'BlockPurchased', 'RetainerPurchased', 'TicketsPurchased', 'ServiceAdded', 'ServicePeriodAccrued', 'ServiceUnitsChanged',
      'LicenceChangeHeld', 'LicenceExceptionConfirmed', 'LicenceExceptionRejected', 'MilestoneAdded', 'MilestoneReadyToBill',
      'TimeEntryLogged', 'TimeEntryRevised', 'ChargeRecorded', 'ExpenseRecorded', 'TicketCompleted', 'TimesheetSubmitted',
      'TimesheetRejected', 'TimesheetApproved', 'ItemIdClaimed', 'ItemApproved', 'ItemPosted', 'ItemUnposted', 'ItemReleased',
      'InvoiceRunStarted', 'InvoiceGenerated', 'InvoiceNumberAssigned', 'InvoiceIssued', 'InvoiceRunCompleted', 'InvoiceVoided',
      'WebhookRegistered', 'WebhookPaused', 'WebhookRemoved',
    ];
    expect(expected.filter((type) => !types.has(type))).toEqual([]);
    // the bootstrap key and the daily accrual and the webhook dispatcher write as `system`
    const bySystem = new Set(events.filter((event) => event.metadata.actor === 'system').map((event) => event.type));
    expect([...bySystem].sort()).toEqual(expect.arrayContaining(['ApiKeyIssued', 'ServicePeriodAccrued', 'WebhookPaused']));
  });

  it('every event carries actor, actorRole, correlationId, causationId and occurredAt, and the schema version it was written with', () => {
    const roles = new Set<string>([...ACTOR_ROLES, 'system']);
    const faults: string[] = [];
    for (const { type, streamId, revision, metadata } of events) {
      const at = `${streamId}@${revision} ${type}`;
      for (const field of ['actor', 'actorRole', 'correlationId', 'causationId', 'occurredAt'])
        if (typeof metadata[field] !== 'string' || (metadata[field] as string).trim() === '')
          faults.push(`${at}: ${field} is ${JSON.stringify(metadata[field])}`);
      const occurredAt = String(metadata.occurredAt);
      if (!ISO_INSTANT.test(occurredAt) || Number.isNaN(Date.parse(occurredAt)))
        faults.push(`${at}: occurredAt ${occurredAt} is not an ISO 8601 instant (UTC)`);
      if (!roles.has(String(metadata.actorRole))) faults.push(`${at}: actorRole ${String(metadata.actorRole)}`);
      // the actor is `system` exactly when the role is, and otherwise a key that exists, of that role
      if ((metadata.actor === 'system') !== (metadata.actorRole === 'system'))
        faults.push(`${at}: actor ${String(metadata.actor)} with role ${String(metadata.actorRole)}`);
      if (metadata.actor !== 'system' && keyRoles.get(String(metadata.actor)) !== metadata.actorRole)
        faults.push(`${at}: actor ${String(metadata.actor)} is not a ${String(metadata.actorRole)} key`);
      if (metadata.schemaVersion !== currentSchemaVersion(type)) faults.push(`${at}: schemaVersion ${String(metadata.schemaVersion)}`);
    }
    expect(faults).toEqual([]);
  });

  it("one request's events share its correlation id; each request has a causation id of its own", () => {
    const voided = events.filter((event) => event.metadata.correlationId === 'corr-void');
    const rerouted = events.filter((event) => event.metadata.correlationId === 'corr-reroute');
    // the void wrote on the ledger and released each item on its own stream: several streams, one correlation
    expect(new Set(voided.map((event) => event.streamId)).size).toBeGreaterThan(1);
    expect(new Set(voided.map((event) => event.metadata.causationId)).size).toBe(1);
    expect(new Set(rerouted.map((event) => event.metadata.causationId)).size).toBe(1);
    expect(voided[0].metadata.causationId).not.toBe(rerouted[0].metadata.causationId);
  });

  it('every command that takes a reason stores it in the metadata of each event it wrote', () => {
    for (const [correlationId, { reason, types }] of Object.entries(REASONS)) {
      const written = events.filter((event) => event.metadata.correlationId === correlationId);
      expect({ correlationId, types: [...new Set(written.map((event) => event.type))].sort() }).toEqual({ correlationId, types: [...types].sort() });
      for (const event of written)
        expect({ correlationId, type: event.type, reason: event.metadata.reason }).toEqual({ correlationId, type: event.type, reason });
    }
  });

  it("a re-routing's reason is in its approval's metadata; the system's pause of a webhook says why", () => {
    const approval = events.find((event) => event.type === 'ItemApproved' && event.streamId === 'timeEntry-te-6')!;
    expect(approval.metadata).toMatchObject({ correlationId: 'corr-reroute', reason: 'billed as T&M by agreement' });
    const paused = events.find((event) => event.type === 'WebhookPaused')!;
    expect(paused.metadata).toMatchObject({ actor: 'system', actorRole: 'system', reason: expect.stringMatching(/\S/) });
  });

  it("every event's data, as published, is accepted by its type's JSON Schema; its metadata by the metadata schema", async () => {
    const catalogue = (await t.as().get('/api/events/schemas').expect(200)).body as EventSchemaCatalogue;
    const schemas = new Map(catalogue.types.map((entry) => [entry.type, entry]));
    const faults: string[] = [];
    for (const recorded of events) {
      const event = publishedEvent(recorded);
      const entry = schemas.get(event.type);
      if (!entry) faults.push(`${event.type}: no schema`);
      else faults.push(...schemaProblems(entry.schema, event.data, `${event.type}@${event.position}.data`));
      faults.push(...schemaProblems(catalogue.metadata, event.metadata, `${event.type}@${event.position}.metadata`));
    }
    expect(faults).toEqual([]);
  });

  it('the schema check can fail: a posting with a number for its amount, or a field it does not know, is refused', () => {
    const entry = EVENT_SCHEMA_CATALOGUE.types.find((type) => type.type === 'ItemPosted')!;
    const posted = publishedEvent(events.find((event) => event.type === 'ItemPosted')!).data;
    expect(schemaProblems(entry.schema, posted)).toEqual([]);
    expect(schemaProblems(entry.schema, { ...posted, amount: 12.5 })).toEqual(['$.amount: number, not string']);
    expect(schemaProblems(entry.schema, { ...posted, surprise: true })).toEqual(['$.surprise: not in the schema']);
  });

  it('GET /api/events/schemas answers the committed catalogue to finance, auditors and integrations, and to nobody else', async () => {
    // then: the answer is the catalogue, one entry per type at its current version
    const answer = (await t.as().get('/api/events/schemas').expect(200)).body as EventSchemaCatalogue;
    expect(answer).toEqual(EVENT_SCHEMA_CATALOGUE);
    expect(answer.types.find((entry) => entry.type === 'ChargeRecorded')).toMatchObject({
      schemaVersion: 2,
      schema: { title: 'ChargeRecorded v2 data', required: expect.arrayContaining(['resourceId']) },
      earlierVersions: [{ schemaVersion: 1, upcastTo: 2, schema: { title: 'ChargeRecorded v1 data' } }],
    });
    for (const role of ['auditor', 'integration'] as const)
      await t
        .as(await t.keyFor(role))
        .get('/api/events/schemas')
        .expect(200);
    for (const role of ['technician', 'timesheet-approver'] as const)
      await t
        .as(await t.keyFor(role))
        .get('/api/events/schemas')
        .expect(403);
    await t.as('no-such-key-0123456789abcdef').get('/api/events/schemas').expect(401);
  });

  it('only StreamDecisions appends to the store, so every writer goes through its typed metadata', () => {
    // given: every source file of the service and the libraries, but the store's own adapters and tests
    const files = [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]
      .map((file) => relative(ROOT, file))
      .filter((file) => !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file) && !file.includes('/testing/') && !file.includes('/bench/'))
      .filter((file) => !file.startsWith('libs/event-store/'));
    // then: the one call of appendToStream is in StreamDecisions, whose metadata type requires the five fields
    const appenders = files.filter((file) => /\.appendToStream\s*\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(appenders).toEqual(['apps/billing-api/src/infrastructure/stream-decisions.ts']);
  });
});
