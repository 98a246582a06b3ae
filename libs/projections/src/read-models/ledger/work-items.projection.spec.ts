import type Database from 'better-sqlite3';
import type { BillingEvent, ChargeData, ExpenseData, SourceType, TicketCompletedData, TimeEntryData } from '@billing/domain';
import { billingItem, contractTerms, timeEntry } from '../../testing/billing-fixtures';
import { projectionSpec, type GivenEvent } from '../../testing/projection-spec';
import { workItemsProjection } from './work-items.projection';
import { findWorkItem, findWorkItems, listWorkItems, pageWorkItems, type WorkItemStatus } from './work-items.query';

const at = (day: string) => `${day}T17:00:00.000Z`;

const te1: TimeEntryData = timeEntry({
  timeEntryId: 'te-1',
  resourceId: 'r-1',
  workTypeId: 'remote',
  ticketId: 'T-1',
  requestedContractId: 'tm',
  contractId: 'tm',
  routing: ['tm'],
  dateWorked: '2026-11-02',
  summary: 'Printer',
});
const te2: TimeEntryData = timeEntry({ timeEntryId: 'te-2', resourceId: 'r-2', dateWorked: '2026-11-01', hoursWorked: '1.25', hoursToBill: '1.5' });
const ch1: ChargeData = {
  chargeId: 'ch-1',
  accountId: 'acme',
  contractId: 'tm',
  billingCodeId: 'hw',
  name: 'Toner',
  date: '2026-11-03',
  quantity: '2',
  unitPrice: '45',
  unitCost: '30',
  billable: true,
  purchaseOrderNumber: null,
  resourceId: null,
};
const ex1: ExpenseData = {
  expenseId: 'ex-1',
  accountId: 'globex',
  contractId: null,
  category: 'Mileage',
  date: '2026-11-04',
  amount: '48.2',
  billable: true,
  description: null,
  resourceId: null,
  billingCodeId: null,
};
const tk9: TicketCompletedData = { ticketId: 'T-9', itemId: 'ticket:T-9', accountId: 'acme', contractId: 'pt', date: '2026-11-05' };
const b1 = {
  contractId: 'blk',
  purchaseId: 'b-1',
  sequence: 1,
  startDate: '2026-11-01',
  endDate: '2027-10-31',
  hours: '20',
  hourlyRate: '120',
  purchasedAt: at('2026-10-20'),
  billingCodeId: null,
};
const r1 = {
  contractId: 'ret',
  purchaseId: 'r-1',
  sequence: 1,
  startDate: '2026-10-01',
  endDate: '2027-09-30',
  amount: '1000',
  purchasedAt: at('2026-09-20'),
  billingCodeId: null,
};
const t1 = {
  contractId: 'pt',
  purchaseId: 't-1',
  sequence: 1,
  startDate: '2026-09-01',
  endDate: '2027-08-31',
  tickets: 10,
  perTicketRate: '75',
  purchasedAt: at('2026-08-20'),
  billingCodeId: null,
};

/** Every kind of source item, each on its own stream, each logged on its own day. */
const logged: GivenEvent[] = [
  {
    event: { type: 'ContractCreated', data: contractTerms({ contractId: 'blk', type: 'BLOCK_HOURS' }) },
    streamId: 'contract-blk',
    occurredAt: at('2026-08-01'),
  },
  {
    event: { type: 'ContractCreated', data: contractTerms({ contractId: 'ret', accountId: 'globex', type: 'RETAINER' }) },
    streamId: 'contract-ret',
    occurredAt: at('2026-08-01'),
  },
  { event: { type: 'ContractCreated', data: contractTerms({ contractId: 'pt', type: 'PER_TICKET' }) }, streamId: 'contract-pt', occurredAt: at('2026-08-01') },
  { event: { type: 'TimeEntryLogged', data: te1 }, streamId: 'timeEntry-te-1', occurredAt: at('2026-11-02') },
  { event: { type: 'TimeEntryLogged', data: te2 }, streamId: 'timeEntry-te-2', occurredAt: at('2026-11-01') },
  { event: { type: 'ChargeRecorded', data: ch1 }, streamId: 'charge-ch-1', occurredAt: at('2026-11-03') },
  { event: { type: 'ExpenseRecorded', data: ex1 }, streamId: 'expense-ex-1', occurredAt: at('2026-11-04') },
  { event: { type: 'TicketCompleted', data: tk9 }, streamId: 'ticket-T-9', occurredAt: at('2026-11-05') },
  { event: { type: 'BlockPurchased', data: b1 }, streamId: 'contract-blk', occurredAt: at('2026-10-20') },
  { event: { type: 'RetainerPurchased', data: r1 }, streamId: 'contract-ret', occurredAt: at('2026-09-20') },
  { event: { type: 'TicketsPurchased', data: t1 }, streamId: 'contract-pt', occurredAt: at('2026-08-20') },
];

const approved = (itemId: string, streamId: string): GivenEvent => ({
  event: { type: 'ItemApproved', data: { itemId, ledgerAccountId: 'acme', postedDate: '2026-11-10', overrides: {}, approvedBy: 'fin-1' } },
  streamId,
  occurredAt: at('2026-11-10'),
});
const released = (itemId: string, streamId: string): GivenEvent => ({
  event: { type: 'ItemReleased', data: { itemId, reason: 'wrong hours', billingItemIds: [`bi-${itemId}`] } },
  streamId,
  occurredAt: at('2026-11-12'),
});
const postedOf = (sourceItemId: string, sourceType: SourceType): GivenEvent => ({
  event: { type: 'ItemPosted', data: billingItem({ billingItemId: `bi-${sourceItemId}`, sourceItemId, sourceType }) },
  streamId: 'ledger-acme',
  occurredAt: at('2026-11-10'),
});
const unpostedOf = (sourceItemId: string, sourceType: SourceType): GivenEvent => ({
  event: { type: 'ItemUnposted', data: { sourceItemId, sourceType, billingItemIds: [`bi-${sourceItemId}`], returned: [], reason: 'wrong hours' } },
  streamId: 'ledger-acme',
  occurredAt: at('2026-11-11'),
});

const readModel = (events: GivenEvent[]) => projectionSpec(workItemsProjection).given(events).readModel();
const statusOf = async (events: GivenEvent[], itemId: string, sourceType: SourceType): Promise<WorkItemStatus | undefined> => {
  const db = await readModel(events);
  try {
    return findWorkItem(db, itemId, sourceType)?.status;
  } finally {
    db.close();
  }
};
const itemIds = (rows: { itemId: string }[]) => rows.map((r) => r.itemId);

describe('work-items read model', () => {
  it('shows a logged time entry as PENDING labour, with its ids, stream, when it was logged and the entry as data', async () => {
    // given
    const spec = projectionSpec(workItemsProjection).given(logged);
    // then
    await spec.then((db) => findWorkItem(db, 'te-1', 'TIME_ENTRY'), {
      itemId: 'te-1',
      sourceType: 'TIME_ENTRY',
      itemType: 'LABOR',
      streamId: 'timeEntry-te-1',
      accountId: 'acme',
      contractId: 'tm',
      itemDate: '2026-11-02',
      status: 'PENDING',
      resourceId: 'r-1',
      workTypeId: 'remote',
      ticketId: 'T-1',
      data: { ...te1 },
      loggedAt: '2026-11-02T17:00:00.000Z',
    });
  });

  it('shows charges, expenses and completed tickets as PENDING items of their type, dated by their date', async () => {
    // given
    const db = await readModel(logged);
    // then
    expect(findWorkItem(db, 'ch-1', 'CHARGE')).toEqual({
      itemId: 'ch-1',
      sourceType: 'CHARGE',
      itemType: 'CHARGE',
      streamId: 'charge-ch-1',
      accountId: 'acme',
      contractId: 'tm',
      itemDate: '2026-11-03',
      status: 'PENDING',
      resourceId: null,
      workTypeId: null,
      ticketId: null,
      data: { ...ch1 },
      loggedAt: '2026-11-03T17:00:00.000Z',
    });
    expect(findWorkItem(db, 'ex-1', 'EXPENSE')).toMatchObject({
      itemType: 'EXPENSE',
      streamId: 'expense-ex-1',
      accountId: 'globex',
      contractId: null,
      itemDate: '2026-11-04',
      status: 'PENDING',
      data: { ...ex1 },
    });
    expect(findWorkItem(db, 'ticket:T-9', 'TICKET')).toMatchObject({
      itemType: 'TICKET',
      streamId: 'ticket-T-9',
      accountId: 'acme',
      contractId: 'pt',
      itemDate: '2026-11-05',
      ticketId: 'T-9',
      status: 'PENDING',
    });
  });

  it('a charge and an expense name their person; v1 ones, from before they did, are read with none', async () => {
    // given: v2 events naming ann, and v1 events exactly as they were written, without resourceId
    const { resourceId: _c, ...chargeV1 } = ch1;
    const { resourceId: _e, ...expenseV1 } = ex1;
    const db = await projectionSpec(workItemsProjection)
      .given([
        { event: { type: 'ChargeRecorded', data: { ...ch1, chargeId: 'ch-ann', resourceId: 'ann' } }, streamId: 'charge-ch-ann' },
        { event: { type: 'ChargeRecorded', data: chargeV1 as ChargeData }, streamId: 'charge-ch-1', schemaVersion: 1 },
        { event: { type: 'ExpenseRecorded', data: expenseV1 as ExpenseData }, streamId: 'expense-ex-1', schemaVersion: 1 },
      ])
      .readModel();
    // then
    expect(findWorkItem(db, 'ch-ann', 'CHARGE')?.data).toMatchObject({ resourceId: 'ann' });
    expect(findWorkItem(db, 'ch-1', 'CHARGE')?.data).toMatchObject({ chargeId: 'ch-1', resourceId: null });
    expect(findWorkItem(db, 'ex-1', 'EXPENSE')?.data).toMatchObject({ expenseId: 'ex-1', resourceId: null });
  });

  it("shows purchases as PENDING on their contract's account, dated by their start date", async () => {
    // given: blk and pt are acme's, ret globex's
    const db = await readModel(logged);
    // then
    expect(findWorkItem(db, 'b-1', 'BLOCK_PURCHASE')).toEqual({
      itemId: 'b-1',
      sourceType: 'BLOCK_PURCHASE',
      itemType: 'BLOCK_PURCHASE',
      streamId: 'contract-blk',
      accountId: 'acme',
      contractId: 'blk',
      itemDate: '2026-11-01',
      status: 'PENDING',
      resourceId: null,
      workTypeId: null,
      ticketId: null,
      data: { ...b1 },
      loggedAt: '2026-10-20T17:00:00.000Z',
    });
    expect(findWorkItem(db, 'r-1', 'RETAINER_PURCHASE')).toMatchObject({
      itemType: 'RETAINER_PURCHASE',
      accountId: 'globex',
      contractId: 'ret',
      itemDate: '2026-10-01',
    });
    expect(findWorkItem(db, 't-1', 'TICKET_PURCHASE')).toMatchObject({
      itemType: 'TICKET_PURCHASE',
      accountId: 'acme',
      contractId: 'pt',
      itemDate: '2026-09-01',
    });
  });

  it("shows what accrual created as PENDING on its contract's account: a period on its start, an adjustment on its first day, the setup fee on the contract's start", async () => {
    // given: acme's recurring contract rec, with a period, an adjustment and its setup fee accrued
    const period = {
      contractId: 'rec',
      serviceId: 'desk',
      itemId: 'svc:rec:desk:2026-11-01',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      units: '40',
      unitPrice: '30',
      unitCost: '12',
      amount: '1200.00',
      cost: '480.00',
    };
    const adjustment = {
      ...period,
      itemId: 'svcadj:rec:desk:2026-11-01:1',
      fromDate: '2026-11-21',
      unitDelta: '2',
      daysRemaining: 10,
      daysInPeriod: 30,
      amount: '20.00',
      cost: '8.00',
    };
    const { units: _units, ...adjustmentData } = adjustment;
    const onRec = (event: BillingEvent): GivenEvent => ({ event, streamId: 'contract-rec', occurredAt: at('2026-11-21') });
    const db = await readModel([
      onRec({ type: 'ContractCreated', data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', setupFee: '500' }) }),
      onRec({ type: 'ServicePeriodAccrued', data: period }),
      onRec({ type: 'ServiceAdjustmentAccrued', data: adjustmentData }),
      onRec({ type: 'SetupFeeAccrued', data: { contractId: 'rec', itemId: 'setup:rec', date: '2026-01-01', amount: '500.00' } }),
    ]);
    // then
    const rows = listWorkItems(db, { contractId: 'rec' }).map((r) => [r.itemId, r.sourceType, r.itemType, r.streamId, r.accountId, r.itemDate, r.status]);
    expect(rows).toEqual([
      ['setup:rec', 'SETUP_FEE', 'SETUP_FEE', 'contract-rec', 'acme', '2026-01-01', 'PENDING'],
      ['svc:rec:desk:2026-11-01', 'SERVICE_PERIOD', 'SERVICE_PERIOD', 'contract-rec', 'acme', '2026-11-01', 'PENDING'],
      ['svcadj:rec:desk:2026-11-01:1', 'SERVICE_ADJUSTMENT', 'SERVICE_ADJUSTMENT', 'contract-rec', 'acme', '2026-11-21', 'PENDING'],
    ]);
  });

  it('finds the rows of an id (of any source type), none for an unknown id or another source type', async () => {
    // given
    const db = await readModel(logged);
    // then
    expect(findWorkItems(db, 'te-1').map((r) => [r.itemId, r.sourceType])).toEqual([['te-1', 'TIME_ENTRY']]);
    expect(findWorkItems(db, 'nope')).toEqual([]);
    expect(findWorkItem(db, 'te-1', 'CHARGE')).toBeUndefined();
  });

  it('a time entry goes PENDING → APPROVED → POSTED → (unposted) APPROVED → (released) PENDING', async () => {
    // given
    const approve = [...logged, approved('te-1', 'timeEntry-te-1')];
    const post = [...approve, postedOf('te-1', 'TIME_ENTRY')];
    const unpost = [...post, unpostedOf('te-1', 'TIME_ENTRY')];
    const release = [...unpost, released('te-1', 'timeEntry-te-1')];
    // then
    expect(await statusOf(logged, 'te-1', 'TIME_ENTRY')).toBe('PENDING');
    expect(await statusOf(approve, 'te-1', 'TIME_ENTRY')).toBe('APPROVED');
    expect(await statusOf(post, 'te-1', 'TIME_ENTRY')).toBe('POSTED');
    // editable: stays approved until its own stream releases it
    expect(await statusOf(unpost, 'te-1', 'TIME_ENTRY')).toBe('APPROVED');
    expect(await statusOf(release, 'te-1', 'TIME_ENTRY')).toBe('PENDING');
  });

  it('an approval or release on another stream than the item’s changes nothing', async () => {
    // given: te-1 approved on te-2's stream; te-2 approved, then "released" on te-1's stream
    const events = [...logged, approved('te-1', 'timeEntry-te-2'), approved('te-2', 'timeEntry-te-2'), released('te-2', 'timeEntry-te-1')];
    // then
    expect(await statusOf(events, 'te-1', 'TIME_ENTRY')).toBe('PENDING');
    expect(await statusOf(events, 'te-2', 'TIME_ENTRY')).toBe('APPROVED');
  });

  it('unposted charges and expenses go back to APPROVED; purchases and tickets to PENDING', async () => {
    // given: all posted, then all unposted
    const kinds: [string, SourceType][] = [
      ['ch-1', 'CHARGE'],
      ['ex-1', 'EXPENSE'],
      ['b-1', 'BLOCK_PURCHASE'],
      ['r-1', 'RETAINER_PURCHASE'],
      ['t-1', 'TICKET_PURCHASE'],
      ['ticket:T-9', 'TICKET'],
    ];
    const posted = [...logged, approved('ch-1', 'charge-ch-1'), approved('ex-1', 'expense-ex-1'), ...kinds.map(([id, type]) => postedOf(id, type))];
    const unposted = [...posted, ...kinds.map(([id, type]) => unpostedOf(id, type))];
    const postedDb = await readModel(posted);
    const unpostedDb = await readModel(unposted);
    // then
    expect(kinds.map(([id, type]) => findWorkItem(postedDb, id, type)?.status)).toEqual(['POSTED', 'POSTED', 'POSTED', 'POSTED', 'POSTED', 'POSTED']);
    expect(kinds.map(([id, type]) => findWorkItem(unpostedDb, id, type)?.status)).toEqual(['APPROVED', 'APPROVED', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);
    // the time entries were never touched
    expect(findWorkItem(unpostedDb, 'te-1', 'TIME_ENTRY')?.status).toBe('PENDING');
  });

  it('a revision updates the row in place and keeps no changedFields in data', async () => {
    // given: te-1 moved to 2026-11-03, onsite, routed to blk, ticket T-2, 3 h; revised on 2026-11-06
    const revisedEntry = timeEntry({
      ...te1,
      dateWorked: '2026-11-03',
      workTypeId: 'onsite',
      contractId: 'blk',
      requestedContractId: null,
      routing: ['blk'],
      ticketId: 'T-2',
      hoursWorked: '3',
      hoursToBill: '3',
    });
    const events: GivenEvent[] = [
      ...logged,
      {
        event: {
          type: 'TimeEntryRevised',
          data: { ...revisedEntry, changedFields: ['dateWorked', 'workTypeId', 'ticketId', 'hoursWorked', 'requestedContractId'] },
        },
        streamId: 'timeEntry-te-1',
        occurredAt: at('2026-11-06'),
      },
    ];
    // when
    const db = await readModel(events);
    // then: one row, stream, account, resource and logged time as first logged
    expect(findWorkItems(db, 'te-1')).toEqual([
      {
        itemId: 'te-1',
        sourceType: 'TIME_ENTRY',
        itemType: 'LABOR',
        streamId: 'timeEntry-te-1',
        accountId: 'acme',
        contractId: 'blk',
        itemDate: '2026-11-03',
        status: 'PENDING',
        resourceId: 'r-1',
        workTypeId: 'onsite',
        ticketId: 'T-2',
        data: { ...revisedEntry },
        loggedAt: '2026-11-02T17:00:00.000Z',
      },
    ]);
    expect(findWorkItem(db, 'te-1', 'TIME_ENTRY')?.data).not.toHaveProperty('changedFields');
    expect(itemIds(listWorkItems(db, { ticketId: 'T-1' }))).toEqual([]);
    expect(itemIds(listWorkItems(db, { contractId: 'blk' }))).toEqual(['b-1', 'te-1']);
  });

  it('a revision after an unpost and release leaves the item PENDING', async () => {
    // given
    const events: GivenEvent[] = [
      ...logged,
      approved('te-1', 'timeEntry-te-1'),
      postedOf('te-1', 'TIME_ENTRY'),
      unpostedOf('te-1', 'TIME_ENTRY'),
      released('te-1', 'timeEntry-te-1'),
      {
        event: { type: 'TimeEntryRevised', data: { ...te1, hoursWorked: '1', hoursToBill: '1', changedFields: ['hoursWorked'] } },
        streamId: 'timeEntry-te-1',
        occurredAt: at('2026-11-13'),
      },
    ];
    // when
    const db = await readModel(events);
    // then
    expect(findWorkItem(db, 'te-1', 'TIME_ENTRY')).toMatchObject({ status: 'PENDING', data: { hoursToBill: '1' } });
  });

  it('lists items by date then id, and filters by source, type, account, contract, resource, ticket, dates and status', async () => {
    // given: ch-1 approved, ex-1 posted
    const db = await readModel([...logged, approved('ch-1', 'charge-ch-1'), approved('ex-1', 'expense-ex-1'), postedOf('ex-1', 'EXPENSE')]);
    // then
    expect(itemIds(listWorkItems(db, {}))).toEqual(['t-1', 'r-1', 'b-1', 'te-2', 'te-1', 'ch-1', 'ex-1', 'ticket:T-9']);
    expect(itemIds(listWorkItems(db, { sourceType: 'TIME_ENTRY' }))).toEqual(['te-2', 'te-1']);
    expect(itemIds(listWorkItems(db, { itemType: 'LABOR' }))).toEqual(['te-2', 'te-1']);
    expect(itemIds(listWorkItems(db, { accountId: 'globex' }))).toEqual(['r-1', 'ex-1']);
    expect(itemIds(listWorkItems(db, { contractId: 'pt' }))).toEqual(['t-1', 'ticket:T-9']);
    expect(itemIds(listWorkItems(db, { resourceId: 'r-1' }))).toEqual(['te-1']);
    expect(itemIds(listWorkItems(db, { ticketId: 'T-9' }))).toEqual(['ticket:T-9']);
    expect(itemIds(listWorkItems(db, { from: '2026-11-02', to: '2026-11-04' }))).toEqual(['te-1', 'ch-1', 'ex-1']);
    expect(itemIds(listWorkItems(db, { statuses: ['APPROVED', 'POSTED'] }))).toEqual(['ch-1', 'ex-1']);
    expect(itemIds(listWorkItems(db, { statuses: ['PENDING'], accountId: 'acme', sourceType: 'CHARGE' }))).toEqual([]);
  });

  it('pages the items in the list’s order, the total counting every page', async () => {
    // given: ch-1 approved, ex-1 posted
    const db = await readModel([...logged, approved('ch-1', 'charge-ch-1'), approved('ex-1', 'expense-ex-1'), postedOf('ex-1', 'EXPENSE')]);
    const page = (statuses: WorkItemStatus[] | undefined, limit: number, offset: number) => {
      const { rows, total } = pageWorkItems(db, { statuses }, { limit, offset });
      return { ids: itemIds(rows), total };
    };
    // then: three pages of 3, 3 and 2 of the eight items, in the order of the whole list
    expect(page(undefined, 3, 0)).toEqual({ ids: ['t-1', 'r-1', 'b-1'], total: 8 });
    expect(page(undefined, 3, 3)).toEqual({ ids: ['te-2', 'te-1', 'ch-1'], total: 8 });
    expect(page(undefined, 3, 6)).toEqual({ ids: ['ex-1', 'ticket:T-9'], total: 8 });
    expect(page(undefined, 3, 9)).toEqual({ ids: [], total: 8 });
    // the filter applies to the page and to the total
    expect(page(['APPROVED', 'POSTED'], 1, 1)).toEqual({ ids: ['ex-1'], total: 2 });
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const events = [...logged, approved('te-1', 'timeEntry-te-1'), postedOf('te-1', 'TIME_ENTRY'), postedOf('b-1', 'BLOCK_PURCHASE')];
    const dump = (db: Database.Database) => workItemsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
    // when
    const first = dump(await readModel(events));
    const second = dump(await readModel(events));
    // then: 8 items, 3 contracts
    expect(first.map((rows) => rows.length)).toEqual([8, 3]);
    expect(second).toEqual(first);
  });
});
