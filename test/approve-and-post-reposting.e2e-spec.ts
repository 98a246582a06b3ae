import { ledgerStream, timeEntryStream } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

async function eventIds(t: TestApp, stream: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(stream)) ids.push(e.id);
  return ids;
}

/** Posting again what is posted: the same choices are a retry (200), other choices a conflict (409), never an answer as if accepted. */
describe('Approve & Post of items already posted', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof setUpLinkedContracts>>;

  beforeAll(async () => {
    t = await startTestApp();
    const technician = await t.keyFor('technician');
    ids = await setUpLinkedContracts(t); // T&M: engineers $110/h; Out-of-Hours × 1.5
    // given: 2 h of Out-of-Hours work (on T&M), posted on 2026-10-31 at the approver's $150/h: 2 × 150 = $300.00
    await logTime(t, technician, { id: 'te-1', accountId: 'acme', workTypeId: 'out-of-hours', dateWorked: '2026-10-30', hoursWorked: '2' });
    const posted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-1'], postedDate: '2026-10-31', overrides: { 'te-1': { hourlyRate: '150' } } })
      .expect(200);
    expect(posted.body.posted).toMatchObject([{ id: 'bi-te-1-1', contractId: ids.tm, postedDate: '2026-10-31', rate: '150', amount: '300.00' }]);
  });
  afterAll(async () => t.dispose());

  it('another posted date and another rate: 409 naming what differs, and nothing is written', async () => {
    const ledgerBefore = await eventIds(t, ledgerStream('acme'));
    const entryBefore = await eventIds(t, timeEntryStream('te-1'));
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-1'], postedDate: '2026-11-01', overrides: { 'te-1': { hourlyRate: '160' } } })
      .expect(409);
    expect(res.body).toEqual({
      error: 'conflict',
      code: 'posted-with-other-choices',
      message: 'item te-1 is already posted with postedDate 2026-10-31, not 2026-11-01; hourlyRate 150, not 160; unpost it to post it with other choices',
    });
    expect(await eventIds(t, ledgerStream('acme'))).toEqual(ledgerBefore);
    expect(await eventIds(t, timeEntryStream('te-1'))).toEqual(entryBefore);
  });

  it.each([
    ['another posted date alone', { postedDate: '2026-11-01' }, 'postedDate 2026-10-31, not 2026-11-01'],
    ['another rate alone', { overrides: { 'te-1': { hourlyRate: '160' } } }, 'hourlyRate 150, not 160'],
    ['no override, asked for explicitly', { overrides: { 'te-1': {} } }, 'hourlyRate 150, not none'],
  ])('%s: 409', async (_name, choices, difference) => {
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-1'], ...choices })
      .expect(409);
    expect(res.body).toMatchObject({ error: 'conflict', code: 'posted-with-other-choices' });
    expect(res.body.message).toContain(difference);
  });

  it.each([
    ['the same choices again (a retry)', { postedDate: '2026-10-31', overrides: { 'te-1': { hourlyRate: '150.00' } } }],
    ['no posted date (today’s is not a choice) and the same rate', { overrides: { 'te-1': { hourlyRate: 150 } } }],
    ['no choices at all', {}],
  ])('%s: 200 with the posting, nothing written', async (_name, choices) => {
    const ledgerBefore = await eventIds(t, ledgerStream('acme'));
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-1'], ...choices })
      .expect(200);
    expect(res.body.posted).toMatchObject([{ id: 'bi-te-1-1', postedDate: '2026-10-31', rate: '150', amount: '300.00' }]);
    expect(await eventIds(t, ledgerStream('acme'))).toEqual(ledgerBefore);
  });

  it('a purchase (no approval of its own) posted on one date and sent again with another: 409; with the same: 200', async () => {
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: [ids.block], postedDate: '2026-11-01' })
      .expect(200);
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: [ids.block], postedDate: '2026-11-02' })
      .expect(409);
    expect(res.body.message).toBe(`item ${ids.block} is already posted with postedDate 2026-11-01, not 2026-11-02; unpost it to post it with other choices`);
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: [ids.block], postedDate: '2026-11-01' })
      .expect(200);
  });
});
