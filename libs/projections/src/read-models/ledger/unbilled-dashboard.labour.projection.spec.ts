import type Database from 'better-sqlite3';
import type { BillingEvent, BillingItemData, ContractType, TimeEntryData } from '@billing/domain';
import { billingItem, contractTerms, timeEntry } from '../../testing/billing-fixtures';
import { projectionSpec, type GivenEvent } from '../../testing/projection-spec';
import { unbilledDashboardProjection } from './unbilled-dashboard.projection';
import { queryUnbilledDashboard, type DashboardItem } from './unbilled-dashboard.query';

const LOGGED_AT = '2026-11-16T09:00:00.000Z';

const on = (event: BillingEvent, streamId: string): GivenEvent => ({ event, streamId, occurredAt: LOGGED_AT });
const contract = (contractId: string, type: ContractType, roleRates: { roleId: string; hourlyRate: string }[] = []) =>
  on(
    { type: 'ContractCreated', data: contractTerms({ contractId, type, roleRates, periodType: type === 'RECURRING_SERVICE' ? 'MONTHLY' : null }) },
    `contract-${contractId}`,
  );
const logged = (overrides: Partial<TimeEntryData> & { timeEntryId: string }) =>
  on({ type: 'TimeEntryLogged', data: timeEntry({ dateWorked: '2026-11-16', ...overrides }) }, `timeEntry-${overrides.timeEntryId}`);
const posted = (data: Partial<BillingItemData>) =>
  on({ type: 'ItemPosted', data: billingItem({ sourceType: 'TIME_ENTRY', type: 'LABOR', itemDate: '2026-11-16', ...data }) }, 'ledger-acme');

/** The catalog and contracts the previews rate with: role eng $120, tech $95; the T&M contract has eng at $110. */
const setUp: GivenEvent[] = [
  on({ type: 'RoleCreated', data: { roleId: 'eng', name: 'Engineer', hourlyRate: '120', hourlyCost: '60', blockHourMultiplier: '1' } }, 'role-eng'),
  on({ type: 'RoleCreated', data: { roleId: 'tech', name: 'Technician', hourlyRate: '95', hourlyCost: '40', blockHourMultiplier: '1' } }, 'role-tech'),
  ...(
    [
      ['remote', true, { type: 'none' }],
      ['after-hours', true, { type: 'multiply', value: '1.5' }],
      ['internal', false, { type: 'none' }],
    ] as const
  ).map(([workTypeId, billable, modifier]) =>
    on(
      {
        type: 'WorkTypeCreated',
        data: { workTypeId, name: workTypeId, billable, showOnInvoice: true, taxCategory: null, minHours: null, maxHours: null, modifier },
      },
      `workType-${workTypeId}`,
    ),
  ),
  contract('rec', 'RECURRING_SERVICE'),
  contract('pt', 'PER_TICKET'),
  contract('fp', 'FIXED_PRICE', [{ roleId: 'eng', hourlyRate: '200' }]),
  contract('blk', 'BLOCK_HOURS', [{ roleId: 'eng', hourlyRate: '140' }]),
  contract('ret', 'RETAINER', [{ roleId: 'eng', hourlyRate: '130' }]),
  contract('tm', 'TIME_AND_MATERIALS', [{ roleId: 'eng', hourlyRate: '110' }]),
];

/** Two hours of eng's after-hours work on each contract, and three entries worked out below. */
const entries: GivenEvent[] = [
  ...['rec', 'pt', 'fp', 'blk', 'ret', 'tm'].map((c) => logged({ timeEntryId: `te-${c}`, workTypeId: 'after-hours', contractId: c, routing: [c] })),
  // tech has no rate on tm: the role's $95 × 3 h = $285.00
  logged({
    timeEntryId: 'te-tech',
    roleId: 'tech',
    resourceId: 'r-2',
    workTypeId: 'remote',
    contractId: 'tm',
    routing: ['tm'],
    hoursWorked: '3',
    hoursToBill: '3',
  }),
  // no contract: the role's $120 × 2.25 h = $270.00
  logged({ timeEntryId: 'te-none', workTypeId: 'remote', hoursWorked: '2.25', hoursToBill: '2.25' }),
  // non-billable on T&M (else $110 × 4 h = $440.00): no charge
  logged({ timeEntryId: 'te-int', workTypeId: 'internal', contractId: 'tm', routing: ['tm'], hoursWorked: '4', hoursToBill: '4' }),
];

// te-tm posted with the approver's 2.5 h: 2.5 × $165 ($110 × 1.5) = $412.50
const tmPosted = posted({
  billingItemId: 'bi-tm',
  sourceItemId: 'te-tm',
  contractId: 'tm',
  quantity: '2.5',
  rate: '165',
  amount: '412.50',
  labour: { roleId: 'eng', workTypeId: 'after-hours', hoursWorked: '2', hoursToBill: '2.5', rateSource: 'CONTRACT_ROLE_RATE' },
  original: { hoursToBill: '2' },
});
const tmUnposted = on(
  { type: 'ItemUnposted', data: { sourceItemId: 'te-tm', sourceType: 'TIME_ENTRY', billingItemIds: ['bi-tm'], returned: [], reason: 'hours' } },
  'ledger-acme',
);

const query = (db: Database.Database, filter: object = {}) =>
  queryUnbilledDashboard(db, { asOf: '2026-11-20', stuckAfterDays: 7, limit: 100, offset: 0, ...filter });
const items = (db: Database.Database, filter: object = {}) => JSON.parse(query(db, filter).itemsJson) as DashboardItem[];
const previews = (db: Database.Database) => Object.fromEntries(items(db).map((i) => [i.sourceItemId, `${i.coverage} ${i.amount}`]));
const readModel = (events: GivenEvent[]) => projectionSpec(unbilledDashboardProjection).given(events).readModel();

describe('unbilled-dashboard read model', () => {
  describe('labour preview', () => {
    it('shows labour on Recurring Service, Per Ticket and Fixed Price contracts as covered, 0.00', async () => {
      // given: each has eng at a rate or none; the price of the contract pays for the work
      const db = await readModel([...setUp, ...entries]);
      // then
      expect(previews(db)).toMatchObject({ 'te-rec': 'covered 0.00', 'te-pt': 'covered 0.00', 'te-fp': 'covered 0.00' });
    });

    it('shows labour on Block Hours and Retainer contracts as prepaid, 0.00', async () => {
      // given: drawn at posting, so nothing to preview (even with rates on the contract)
      const db = await readModel([...setUp, ...entries]);
      // then
      expect(previews(db)).toMatchObject({ 'te-blk': 'prepaid 0.00', 'te-ret': 'prepaid 0.00' });
    });

    it('rates T&M labour at the contract role rate with the work type modifier, else at the role rate', async () => {
      // given
      const db = await readModel([...setUp, ...entries]);
      // then: te-tm $110 (not the role's $120) × 1.5 × 2 h = $330.00; te-tech $95 × 3 h = $285.00
      expect(previews(db)).toMatchObject({ 'te-tm': 'billable 330.00', 'te-tech': 'billable 285.00' });
      expect(items(db).find((i) => i.sourceItemId === 'te-tm')).toEqual({
        stage: 'AWAITING_POSTING',
        sourceItemId: 'te-tm',
        sourceType: 'TIME_ENTRY',
        type: 'LABOR',
        billingItemId: null,
        accountId: 'acme',
        contractId: 'tm',
        workTypeId: 'after-hours',
        resourceId: 'r-1',
        itemDate: '2026-11-16',
        hours: '2',
        amount: '330.00',
        coverage: 'billable',
        // 2026-11-16 → 2026-11-20
        ageDays: 4,
        ageBucket: '0-7',
        stuck: false,
      });
    });

    it('rates labour on no contract at the role rate', async () => {
      // given
      const db = await readModel([...setUp, ...entries]);
      // then: $120 × 2.25 h = $270.00
      expect(previews(db)['te-none']).toBe('billable 270.00');
      expect(items(db).find((i) => i.sourceItemId === 'te-none')).toMatchObject({ contractId: null, hours: '2.25' });
    });

    it('shows a non-billable work type as no-charge, 0.00, whatever the contract', async () => {
      // given
      const db = await readModel([...setUp, ...entries]);
      // then
      expect(previews(db)['te-int']).toBe('no-charge 0.00');
    });

    it('totals the previews: 330.00 + 285.00 + 270.00 = 885.00 over nine items', async () => {
      // given
      const db = await readModel([...setUp, ...entries]);
      // then: from the totals table and from a scan alike
      const expected = { AWAITING_POSTING: { count: 9, amount: '885.00' } };
      expect(JSON.parse(query(db).totalsJson).byStage).toEqual(expected);
      expect(JSON.parse(query(db, { from: '2026-01-01' }).totalsJson).byStage).toEqual(expected);
    });
  });

  describe('posting and unposting labour', () => {
    it("puts the posted item in its pending row's place, awaiting invoice", async () => {
      // given
      const db = await readModel([...setUp, ...entries, tmPosted]);
      // when
      const rows = items(db).filter((i) => i.sourceItemId === 'te-tm');
      // then: one row, with what was posted
      expect(rows).toEqual([
        {
          stage: 'AWAITING_INVOICE',
          sourceItemId: 'te-tm',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR',
          billingItemId: 'bi-tm',
          accountId: 'acme',
          contractId: 'tm',
          workTypeId: 'after-hours',
          resourceId: 'r-1',
          itemDate: '2026-11-16',
          hours: '2.5',
          amount: '412.50',
          coverage: 'billable',
          ageDays: 4,
          ageBucket: '0-7',
          stuck: false,
        },
      ]);
      // 885.00 − 330.00 = 555.00 still pending, over 8 items
      const expected = { AWAITING_INVOICE: { count: 1, amount: '412.50' }, AWAITING_POSTING: { count: 8, amount: '555.00' } };
      expect(JSON.parse(query(db).totalsJson).byStage).toEqual(expected);
      expect(JSON.parse(query(db, { from: '2026-01-01' }).totalsJson).byStage).toEqual(expected);
      expect(items(db, { stage: 'AWAITING_INVOICE' }).map((i) => i.sourceItemId)).toEqual(['te-tm']);
    });

    it('brings the pending row back on an unpost', async () => {
      // given
      const db = await readModel([...setUp, ...entries, tmPosted, tmUnposted]);
      // when
      const rows = items(db).filter((i) => i.sourceItemId === 'te-tm');
      // then: the preview again, 2 h at $330.00
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ stage: 'AWAITING_POSTING', billingItemId: null, hours: '2', amount: '330.00', coverage: 'billable', resourceId: 'r-1' });
      const expected = { AWAITING_POSTING: { count: 9, amount: '885.00' } };
      expect(JSON.parse(query(db).totalsJson).byStage).toEqual(expected);
      expect(JSON.parse(query(db, { from: '2026-01-01' }).totalsJson).byStage).toEqual(expected);
    });

    it('shows posted covered labour as prepaid when it drew on a balance, else covered', async () => {
      // given: te-blk drew 2 h from block b-1; te-rec is paid by the recurring fee
      const db = await readModel([
        ...setUp,
        ...entries,
        posted({
          billingItemId: 'bi-blk',
          sourceItemId: 'te-blk',
          contractId: 'blk',
          quantity: '2',
          rate: '0',
          amount: '0.00',
          covered: true,
          draws: [{ purchaseId: 'b-1', kind: 'hours', quantity: '2' }],
        }),
        posted({ billingItemId: 'bi-rec', sourceItemId: 'te-rec', contractId: 'rec', quantity: '2', rate: '0', amount: '0.00', covered: true }),
      ]);
      // then
      const byId = Object.fromEntries(items(db).map((i) => [i.sourceItemId, [i.stage, i.coverage, i.amount]]));
      expect(byId['te-blk']).toEqual(['AWAITING_INVOICE', 'prepaid', '0.00']);
      expect(byId['te-rec']).toEqual(['AWAITING_INVOICE', 'covered', '0.00']);
    });
    it('a split posting adds a row for its second item; unposting the split leaves the pending row alone', async () => {
      // given: te-blk (2 h) split by a short block: 1.5 h covered from b-1, 0.5 h overage × $140 = $70.00
      const split = [
        posted({
          billingItemId: 'bi-blk-a',
          sourceItemId: 'te-blk',
          contractId: 'blk',
          part: 'COVERED',
          quantity: '1.5',
          rate: '0',
          amount: '0.00',
          covered: true,
          draws: [{ purchaseId: 'b-1', kind: 'hours', quantity: '1.5' }],
          labour: { roleId: 'eng', workTypeId: 'after-hours', hoursWorked: '2', hoursToBill: '2', rateSource: null },
        }),
        posted({
          billingItemId: 'bi-blk-b',
          sourceItemId: 'te-blk',
          contractId: 'blk',
          type: 'LABOR_OVERAGE',
          part: 'OVERAGE',
          quantity: '0.5',
          rate: '140',
          amount: '70.00',
          labour: { roleId: 'eng', workTypeId: 'after-hours', hoursWorked: '2', hoursToBill: '2', rateSource: 'CONTRACT_ROLE_RATE' },
        }),
      ];
      const unpost = on(
        {
          type: 'ItemUnposted',
          data: {
            sourceItemId: 'te-blk',
            sourceType: 'TIME_ENTRY',
            billingItemIds: ['bi-blk-a', 'bi-blk-b'],
            returned: [{ purchaseId: 'b-1', kind: 'hours', quantity: '1.5' }],
            reason: 'hours',
          },
        },
        'ledger-acme',
      );
      const postedDb = await readModel([...setUp, ...entries, ...split]);
      const unpostedDb = await readModel([...setUp, ...entries, ...split, unpost]);
      const rowsOf = (db: Database.Database) =>
        items(db, { contractId: 'blk' }).map((i) => [i.stage, i.billingItemId, i.type, i.hours, i.amount, i.coverage, i.resourceId, i.workTypeId]);
      // then
      // (same date: by key, so the overage's own row `bi:bi-blk-b` comes before the source's row)
      expect(rowsOf(postedDb)).toEqual([
        ['AWAITING_INVOICE', 'bi-blk-b', 'LABOR_OVERAGE', '0.5', '70.00', 'billable', 'r-1', 'after-hours'],
        ['AWAITING_INVOICE', 'bi-blk-a', 'LABOR', '1.5', '0.00', 'prepaid', 'r-1', 'after-hours'],
      ]);
      expect(JSON.parse(query(postedDb, { contractId: 'blk' }).totalsJson).byStage).toEqual({ AWAITING_INVOICE: { count: 2, amount: '70.00' } });
      expect(rowsOf(unpostedDb)).toEqual([['AWAITING_POSTING', null, 'LABOR', '2', '0.00', 'prepaid', 'r-1', 'after-hours']]);
      expect(JSON.parse(query(unpostedDb, { contractId: 'blk' }).totalsJson).byStage).toEqual({ AWAITING_POSTING: { count: 1, amount: '0.00' } });
      expect(JSON.parse(query(unpostedDb, { contractId: 'blk', from: '2026-01-01' }).totalsJson).byStage).toEqual({
        AWAITING_POSTING: { count: 1, amount: '0.00' },
      });
    });
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const events = [
      ...setUp,
      ...entries,
      tmPosted,
      tmUnposted,
      posted({ billingItemId: 'bi-none', sourceItemId: 'te-none', amount: '270.00', quantity: '2.25', rate: '120' }),
    ];
    const dump = (db: Database.Database) =>
      unbilledDashboardProjection.tables.map((table) => {
        const columns = db.prepare(`SELECT * FROM ${table}`).columns().length;
        return db.prepare(`SELECT * FROM ${table} ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`).all();
      });
    // when
    const first = dump(await readModel(events));
    const second = dump(await readModel(events));
    // then: 9 items; totals of 6 contracts awaiting posting and te-none's (no contract) awaiting invoice; 2 roles, 3 work types, 6 contracts; none invoiced
    expect(first.map((rows) => rows.length)).toEqual([9, 7, 2, 3, 6, 0]);
    expect(second).toEqual(first);
  });
});
