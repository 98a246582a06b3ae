import type Database from 'better-sqlite3';
import type { LedgerEvent } from '@billing/domain';
import { billingItem } from '../../testing/billing-fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { billingItemsProjection } from './billing-items.projection';
import { findBillingItem, listBillingItems, type BillingItemFilter } from './billing-items.query';

/** On the ledger stream of the bill-to account, the n-th event on 2026-11-1n. */
const given = (events: LedgerEvent[]) =>
  projectionSpec(billingItemsProjection).given(
    events.map((event, i) => ({
      event,
      streamId: `ledger-${event.type === 'ItemPosted' ? event.data.billToAccountId : 'acme'}`,
      occurredAt: `2026-11-${10 + i}T12:00:00.000Z`,
    })),
  );

// 2.5 h (the approver's, 2 computed) × $165 (role $110 × 1.5 after hours) = $412.50;
// tax 412.50 × 0.08875 = 36.609375 → $36.61; cost 2.5 h × $62.50 = $156.25
const labour = billingItem({
  billingItemId: 'bi-1',
  sourceItemId: 'te-1',
  sourceType: 'TIME_ENTRY',
  type: 'LABOR',
  contractId: 'tm',
  purchaseOrderNumber: 'PO-7',
  itemDate: '2026-11-03',
  quantity: '2.5',
  rate: '165',
  amount: '412.50',
  tax: '36.61',
  cost: '156.25',
  taxCategoryId: 'labour',
  labour: { roleId: 'eng', workTypeId: 'after-hours', hoursWorked: '2', hoursToBill: '2.5', rateSource: 'APPROVER_OVERRIDE' },
  original: { hoursToBill: '2' },
  description: 'After hours: server restore',
});
// globex invoices to its parent: account globex, bill-to acme; 3 × $25.00 = $75.00, cost 3 × $12 = $36.00
const globexCharge = billingItem({
  billingItemId: 'bi-2',
  sourceItemId: 'ch-2',
  accountId: 'globex',
  billToAccountId: 'acme',
  itemDate: '2026-11-01',
  quantity: '3',
  rate: '25',
  amount: '75.00',
  cost: '36.00',
  description: 'Cables',
});
const expense = billingItem({
  billingItemId: 'bi-3',
  sourceItemId: 'ex-1',
  sourceType: 'EXPENSE',
  type: 'EXPENSE',
  contractId: 'tm',
  itemDate: '2026-11-05',
  rate: '48.2',
  amount: '48.20',
  description: 'Mileage',
});
const initech = billingItem({
  billingItemId: 'bi-4',
  sourceItemId: 'ch-4',
  accountId: 'initech',
  billToAccountId: 'initech',
  contractId: 'ini',
  itemDate: '2026-11-04',
});

const events: LedgerEvent[] = [
  { type: 'ItemPosted', data: labour },
  { type: 'ItemPosted', data: globexCharge },
  { type: 'ItemPosted', data: expense },
  { type: 'ItemPosted', data: initech },
  { type: 'ItemUnposted', data: { sourceItemId: 'ex-1', sourceType: 'EXPENSE', billingItemIds: ['bi-3'], returned: [], reason: 'wrong contract' } },
];

/** The expense's view as posted, written out by hand. */
const expenseView = {
  id: 'bi-3',
  sourceItemId: 'ex-1',
  sourceType: 'EXPENSE',
  type: 'EXPENSE',
  part: 'WHOLE',
  accountId: 'acme',
  billToAccountId: 'acme',
  contractId: 'tm',
  purchaseOrderNumber: null,
  itemDate: '2026-11-05',
  postedDate: '2026-11-10',
  quantity: '1',
  rate: '48.2',
  amount: '48.20',
  tax: '0.00',
  cost: '0.00',
  covered: false,
  noCharge: false,
  draws: [],
  description: 'Mileage',
  original: null,
  invoiceId: null,
  status: 'POSTED' as const,
};

const ids = (items: { id: string }[]) => items.map((i) => i.id);
/** Every posted item the filter selects (one page holds them all here). */
const postedItems = (db: Database.Database, filter: BillingItemFilter) => listBillingItems(db, filter, { limit: 100, offset: 0 }).rows;

describe('billing-items read model', () => {
  it('finds a posted item by id with every field of the billing item view', async () => {
    // given
    const spec = given(events);
    // then: posting id, approver, labour detail and tax category are not part of the view
    await spec.then((db) => findBillingItem(db, 'bi-1'), {
      id: 'bi-1',
      sourceItemId: 'te-1',
      sourceType: 'TIME_ENTRY',
      type: 'LABOR',
      part: 'WHOLE',
      accountId: 'acme',
      billToAccountId: 'acme',
      contractId: 'tm',
      purchaseOrderNumber: 'PO-7',
      itemDate: '2026-11-03',
      postedDate: '2026-11-10',
      quantity: '2.5',
      rate: '165',
      amount: '412.50',
      tax: '36.61',
      cost: '156.25',
      covered: false,
      noCharge: false,
      draws: [],
      description: 'After hours: server restore',
      original: { hoursToBill: '2' },
      invoiceId: null,
      status: 'POSTED',
    });
  });

  it('shows no original values as null', async () => {
    // given
    const spec = given(events);
    // then
    await spec.then((db) => findBillingItem(db, 'bi-2')?.original, null);
  });

  it('still finds an unposted item by id, as UNPOSTED', async () => {
    // given: bi-3 posted, then unposted
    const spec = given(events);
    // then
    await spec.then((db) => findBillingItem(db, 'bi-3'), { ...expenseView, status: 'UNPOSTED' });
    await spec.then((db) => findBillingItem(db, 'nope'), undefined);
  });

  it('lists only posted items, by item date then id', async () => {
    // given: bi-3 unposted
    const db = await given(events).readModel();
    // when
    const listed = postedItems(db, {});
    // then: 11-01 bi-2, 11-03 bi-1, 11-04 bi-4
    expect(ids(listed)).toEqual(['bi-2', 'bi-1', 'bi-4']);
    expect(listed.every((i) => i.status === 'POSTED' && i.invoiceId === null)).toBe(true);
  });

  it("lists an account's items: those of the account and those billed to it", async () => {
    // given
    const db = await given(events).readModel();
    // then: globex's charge is billed to acme, so it is in both lists
    expect(ids(postedItems(db, { accountId: 'acme' }))).toEqual(['bi-2', 'bi-1']);
    expect(ids(postedItems(db, { accountId: 'globex' }))).toEqual(['bi-2']);
    expect(ids(postedItems(db, { accountId: 'initech' }))).toEqual(['bi-4']);
    expect(postedItems(db, { accountId: 'nobody' })).toEqual([]);
  });

  it('lists by contract and by invoiced, the filters combining', async () => {
    // given
    const db = await given(events).readModel();
    // then
    expect(ids(postedItems(db, { contractId: 'tm' }))).toEqual(['bi-1']);
    expect(ids(postedItems(db, { accountId: 'globex', contractId: 'tm' }))).toEqual([]);
    expect(ids(postedItems(db, { accountId: 'acme', contractId: 'tm' }))).toEqual(['bi-1']);
    // nothing is invoiced yet
    expect(ids(postedItems(db, { invoiced: false }))).toEqual(['bi-2', 'bi-1', 'bi-4']);
    expect(postedItems(db, { invoiced: true })).toEqual([]);
  });

  it('pages the posted items in their order, the total counting every page', async () => {
    // given: bi-2 (11-01), bi-1 (11-03), bi-4 (11-04) posted; bi-3 unposted
    const db = await given(events).readModel();
    const page = (filter: BillingItemFilter, limit: number, offset: number) => {
      const { rows, total } = listBillingItems(db, filter, { limit, offset });
      return { ids: ids(rows), total };
    };
    // then
    expect(page({}, 2, 0)).toEqual({ ids: ['bi-2', 'bi-1'], total: 3 });
    expect(page({}, 2, 2)).toEqual({ ids: ['bi-4'], total: 3 });
    expect(page({}, 2, 3)).toEqual({ ids: [], total: 3 });
    // acme's: bi-2 (billed to acme), bi-1
    expect(page({ accountId: 'acme' }, 1, 1)).toEqual({ ids: ['bi-1'], total: 2 });
  });

  it('a source posted again after an unpost lists under its new id, the old one staying UNPOSTED', async () => {
    // given: the expense posted again as bi-5, on no contract
    const db = await given([
      ...events,
      { type: 'ItemPosted', data: { ...expense, billingItemId: 'bi-5', contractId: null, postedDate: '2026-11-16' } },
    ]).readModel();
    // then
    expect(ids(postedItems(db, { accountId: 'acme' }))).toEqual(['bi-2', 'bi-1', 'bi-5']);
    expect(findBillingItem(db, 'bi-3')?.status).toBe('UNPOSTED');
    expect(findBillingItem(db, 'bi-5')).toMatchObject({ status: 'POSTED', sourceItemId: 'ex-1', contractId: null, postedDate: '2026-11-16' });
  });

  it('unposting a split takes every item of it out of the lists', async () => {
    // given: te-2 posted as a covered part and an overage part (4 h on blocks with 3 h left:
    // 3 h covered at 0.00, 1 h × $140 overage = $140.00), then unposted
    const covered = billingItem({
      billingItemId: 'bi-6',
      sourceItemId: 'te-2',
      sourceType: 'TIME_ENTRY',
      type: 'LABOR',
      part: 'COVERED',
      contractId: 'blk',
      itemDate: '2026-11-06',
      quantity: '3',
      rate: '0',
      amount: '0.00',
      covered: true,
      draws: [{ purchaseId: 'b-1', kind: 'hours', quantity: '3' }],
    });
    const overage = billingItem({
      billingItemId: 'bi-7',
      sourceItemId: 'te-2',
      sourceType: 'TIME_ENTRY',
      type: 'LABOR_OVERAGE',
      part: 'OVERAGE',
      contractId: 'blk',
      itemDate: '2026-11-06',
      quantity: '1',
      rate: '140',
      amount: '140.00',
    });
    const posted = given([...events, { type: 'ItemPosted', data: covered }, { type: 'ItemPosted', data: overage }]);
    const unposted = given([
      ...events,
      { type: 'ItemPosted', data: covered },
      { type: 'ItemPosted', data: overage },
      {
        type: 'ItemUnposted',
        data: {
          sourceItemId: 'te-2',
          sourceType: 'TIME_ENTRY',
          billingItemIds: ['bi-6', 'bi-7'],
          returned: [{ purchaseId: 'b-1', kind: 'hours', quantity: '3' }],
          reason: 'hours',
        },
      },
    ]);
    // then
    await posted.then((db) => ids(postedItems(db, { contractId: 'blk' })), ['bi-6', 'bi-7']);
    await unposted.then((db) => ids(postedItems(db, { contractId: 'blk' })), []);
    await unposted.then((db) => [findBillingItem(db, 'bi-6')?.status, findBillingItem(db, 'bi-7')?.status], ['UNPOSTED', 'UNPOSTED']);
    // the other items stay posted
    await unposted.then((db) => ids(postedItems(db, { accountId: 'acme' })), ['bi-2', 'bi-1']);
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => billingItemsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    // when
    const first = dump(await given(events).readModel());
    const second = dump(await given(events).readModel());
    // then
    expect(first[0]).toHaveLength(4);
    expect(second).toEqual(first);
  });
});
