import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { FINANCE_KEY, startTestApp, type TestApp } from './support/test-app';

type Page = { items: Record<string, unknown>[]; total: number; limit: number; offset: number };

/** The lists that come in pages: `{ items, total, limit, offset }`, `limit` 1 to 10,000 (default 100), `offset` 0 to 10,000,000. */
describe('paged lists', () => {
  let t: TestApp;
  const ENTRIES = 103;
  // p-000 … p-102, one hour of Out-of-Hours each (T&M: $110 × 1.5 = $165.00), on 28 days so that
  // many share a date; every fourth one (p-000, p-004, …, p-100: 26 entries) by bob
  const entryIds = Array.from({ length: ENTRIES }, (_, i) => `p-${String(i).padStart(3, '0')}`);
  const dateOf = (i: number) => `2026-11-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;

  const get = async (url: string): Promise<Page> => (await t.as().get(url).expect(200)).body;

  /** Asks for every page of `pageSize` and checks that together they are the whole list, in its order, each with the total. */
  async function pagesThrough(url: string, pageSize: number, key: (item: Record<string, unknown>) => [string, string]) {
    const sep = url.includes('?') ? '&' : '?';
    const whole = await get(`${url}${sep}limit=10000`);
    expect(whole.items).toHaveLength(whole.total);
    const ids = (items: Record<string, unknown>[]) => items.map((i) => key(i)[1]);
    const ordered = [...whole.items].sort((a, b) => {
      const [dateA, idA] = key(a);
      const [dateB, idB] = key(b);
      return dateA < dateB ? -1 : dateA > dateB ? 1 : idA < idB ? -1 : idA > idB ? 1 : 0;
    });
    expect(ids(whole.items)).toEqual(ids(ordered));

    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += pageSize) {
      const page = await get(`${url}${sep}limit=${pageSize}&offset=${offset}`);
      expect({ total: page.total, limit: page.limit, offset: page.offset, count: page.items.length }).toEqual({
        total: whole.total,
        limit: pageSize,
        offset,
        count: Math.min(pageSize, whole.total - offset),
      });
      paged.push(...ids(page.items));
    }
    expect(paged).toEqual(ids(whole.items));
    return whole;
  }

  beforeAll(async () => {
    t = await startTestApp();
    // finance logs the time, for ann and bob alike
    await setUpLinkedContracts(t);
    for (let i = 0; i < ENTRIES; i += 8)
      await Promise.all(
        entryIds.slice(i, i + 8).map((id, j) =>
          logTime(t, FINANCE_KEY, {
            id,
            accountId: 'acme',
            workTypeId: 'out-of-hours',
            resourceId: (i + j) % 4 === 0 ? 'bob' : 'ann',
            dateWorked: dateOf(i + j),
            hoursWorked: '1',
          }),
        ),
      );
    // globex: two 6-hour onsite entries on its 10-hour block
    await setUpLinkedContracts(t, { accountId: 'globex' });
    await logTime(t, FINANCE_KEY, { id: 'g-1', accountId: 'globex', workTypeId: 'onsite', dateWorked: '2026-11-10', hoursWorked: '6' });
    await logTime(t, FINANCE_KEY, { id: 'g-2', accountId: 'globex', workTypeId: 'onsite', dateWorked: '2026-11-11', hoursWorked: '6' });
  });
  afterAll(async () => t.dispose());

  describe.each(['/api/time-entries', '/api/billing-items', '/api/approve-and-post', '/api/dashboard/unbilled'])('%s', (url) => {
    it('refuses a limit outside 1 to 10,000 and an offset outside 0 to 10,000,000 with 400 naming the field', async () => {
      const refused = async (query: string) => (await t.as().get(`${url}?${query}`).expect(400)).body;
      expect(await refused('limit=10001')).toEqual({ error: 'validation', details: [{ field: 'limit', message: 'limit must not be greater than 10000' }] });
      expect(await refused('limit=0')).toEqual({ error: 'validation', details: [{ field: 'limit', message: 'limit must not be less than 1' }] });
      expect(await refused('offset=10000001')).toEqual({
        error: 'validation',
        details: [{ field: 'offset', message: 'offset must not be greater than 10000000' }],
      });
      // 2^63: beyond SQLite's integers, it was a 500
      expect(await refused('offset=9223372036854775808')).toEqual({
        error: 'validation',
        details: [{ field: 'offset', message: 'offset must not be greater than 10000000' }],
      });
      expect((await refused('offset=-1')).details).toEqual([{ field: 'offset', message: 'offset must not be less than 0' }]);
      expect((await refused('limit=2.5')).details.map((d: { field: string }) => d.field)).toEqual(['limit']);
    });

    it('accepts the largest page and offset, answering an empty page past the end with the total', async () => {
      const page = await get(`${url}?accountId=acme&limit=10000&offset=10000000`);
      expect(page).toMatchObject({ items: [], limit: 10000, offset: 10000000, total: (await get(`${url}?accountId=acme&limit=1`)).total });
    });
  });

  describe('GET /api/time-entries', () => {
    it('answers the first 100 by default, with the total', async () => {
      const page = await get('/api/time-entries?accountId=acme');
      expect({ count: page.items.length, total: page.total, limit: page.limit, offset: page.offset }).toEqual({
        count: 100,
        total: 103,
        limit: 100,
        offset: 0,
      });
      expect((await get('/api/time-entries?accountId=acme&offset=100')).items.map((i) => i.id)).toHaveLength(3);
    });

    it('pages through every entry by date worked, then id', async () => {
      const whole = await pagesThrough('/api/time-entries?accountId=acme', 25, (i) => [String(i.dateWorked), String(i.id)]);
      expect(whole.items.map((i) => i.id).sort()).toEqual(entryIds);
    });

    it('keeps its filters, the total counting what they select', async () => {
      const page = await get('/api/time-entries?resourceId=bob&limit=5&offset=20');
      // bob's 26 entries: 20 skipped, 5 shown
      expect({ total: page.total, resources: [...new Set(page.items.map((i) => i.resourceId))], count: page.items.length }).toEqual({
        total: 26,
        resources: ['bob'],
        count: 5,
      });
      expect((await get('/api/time-entries?accountId=globex&status=PENDING')).items.map((i) => i.id)).toEqual(['g-1', 'g-2']);
      expect((await get('/api/time-entries?status=POSTED')).total).toBe(0);
    });
  });

  describe('GET /api/approve-and-post', () => {
    it('previews the first 100 pending items by default, with the total', async () => {
      // acme: the 103 entries and the block purchase acme-b1
      const page = await get('/api/approve-and-post?accountId=acme');
      expect({ count: page.items.length, total: page.total, limit: page.limit, offset: page.offset }).toEqual({
        count: 100,
        total: 104,
        limit: 100,
        offset: 0,
      });
    });

    it('pages through every pending item by item date, then id, rating each item of the page', async () => {
      const whole = await pagesThrough('/api/approve-and-post?accountId=acme', 30, (i) => [String(i.itemDate), String(i.sourceItemId)]);
      // every entry: 1 h × $165.00 on T&M; the block: 10 h × $100 = $1,000.00
      const page = await get('/api/approve-and-post?accountId=acme&limit=30&offset=60');
      expect(page.items.map((i) => [i.sourceItemId, i.amount])).toEqual(
        whole.items.slice(60, 90).map((i) => [i.sourceItemId, i.sourceItemId === 'acme-b1' ? '1000.00' : '165.00']),
      );
    });

    it('keeps its filters, the total counting what they select', async () => {
      const page = await get('/api/approve-and-post?type=BLOCK_PURCHASE');
      expect({ total: page.total, items: page.items.map((i) => i.sourceItemId).sort() }).toEqual({ total: 2, items: ['acme-b1', 'globex-b1'] });
    });

    it('rates a page after every item before it, on earlier pages too: a page shows what posting the list in order charges', async () => {
      // given: g-1 and g-2, 6 h each on globex's 10-hour block ($140/h overage)
      // when: both in one page, g-2 finds 4 h left: 2 h overage × $140 = $280.00
      const both = await get('/api/approve-and-post?accountId=globex&type=LABOR');
      expect(both.items.map((i) => [i.sourceItemId, i.amount, i.overage])).toEqual([
        ['g-1', '0.00', false],
        ['g-2', '280.00', true],
      ]);
      // when: g-2 alone on the second page, it still finds only the 4 h g-1 leaves: the same $280.00
      const second = await get('/api/approve-and-post?accountId=globex&type=LABOR&limit=1&offset=1');
      expect({ total: second.total, items: second.items.map((i) => [i.sourceItemId, i.amount, i.overage]) }).toEqual({
        total: 2,
        items: [['g-2', '280.00', true]],
      });
    });
  });

  describe('GET /api/billing-items', () => {
    beforeAll(async () => {
      await t.as().post('/api/approve-and-post').send({ itemIds: entryIds, postedDate: '2026-11-30' }).expect(200);
    });

    it('answers the first 100 by default, with the total', async () => {
      const page = await get('/api/billing-items?accountId=acme');
      expect({ count: page.items.length, total: page.total, limit: page.limit, offset: page.offset }).toEqual({
        count: 100,
        total: 103,
        limit: 100,
        offset: 0,
      });
    });

    it('pages through every posted item by item date, then id', async () => {
      const whole = await pagesThrough('/api/billing-items?accountId=acme', 40, (i) => [String(i.itemDate), String(i.id)]);
      expect(whole.items.map((i) => i.sourceItemId).sort()).toEqual(entryIds);
    });

    it('keeps its filters, the total counting what they select', async () => {
      expect((await get('/api/billing-items?contractId=acme-tm&limit=1')).total).toBe(103);
      expect((await get('/api/billing-items?accountId=globex')).total).toBe(0);
      expect((await get('/api/billing-items?invoiced=true')).total).toBe(0);
      // and the posted entries have left the preview: acme's block purchase is all that is pending there
      expect((await get('/api/approve-and-post?accountId=acme')).items.map((i) => i.sourceItemId)).toEqual(['acme-b1']);
      expect((await get('/api/time-entries?status=POSTED&limit=1')).total).toBe(103);
    });
  });
});
