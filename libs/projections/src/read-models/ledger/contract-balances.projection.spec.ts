import type Database from 'better-sqlite3';
import type { BillingItemData, ContractEvent, ItemDraw, ItemPosted, ItemUnposted } from '@billing/domain';
import { billingItem, contractTerms } from '../../testing/billing-fixtures';
import { projectionSpec, type GivenEvent } from '../../testing/projection-spec';
import { contractBalancesProjection } from './contract-balances.projection';
import { findContractBalance } from './contract-balances.query';

/** The events of contracts and ledgers, each on its stream. */
type BalanceEvent = ContractEvent | ItemPosted | ItemUnposted;

const onStream = (event: BalanceEvent): GivenEvent => ({
  event,
  streamId: event.type === 'ItemPosted' || event.type === 'ItemUnposted' ? 'ledger-acme' : `contract-${event.data.contractId}`,
});
const given = (events: BalanceEvent[]) => projectionSpec(contractBalancesProjection).given(events.map(onStream));

const hours = (purchaseId: string, quantity: string): ItemDraw => ({ purchaseId, kind: 'hours', quantity });
const money = (purchaseId: string, quantity: string): ItemDraw => ({ purchaseId, kind: 'money', quantity });
const ticket = (purchaseId: string): ItemDraw => ({ purchaseId, kind: 'tickets', quantity: '1' });
const posted = (data: Partial<BillingItemData>): ItemPosted => ({ type: 'ItemPosted', data: billingItem(data) });

// ---- Block Hours: three blocks, bought out of date order; overage at $140 an hour
const blocks: BalanceEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'blk', name: 'Acme blocks', type: 'BLOCK_HOURS', overageRate: '140' }) },
  {
    type: 'BlockPurchased',
    data: {
      contractId: 'blk',
      purchaseId: 'b1',
      sequence: 1,
      startDate: '2026-07-01',
      endDate: '2026-12-31',
      hours: '10',
      hourlyRate: '120',
      purchasedAt: '2026-01-02T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  {
    type: 'BlockPurchased',
    data: {
      contractId: 'blk',
      purchaseId: 'b2',
      sequence: 2,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      hours: '20',
      hourlyRate: '120',
      purchasedAt: '2026-01-03T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  {
    type: 'BlockPurchased',
    data: {
      contractId: 'blk',
      purchaseId: 'b3',
      sequence: 3,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      hours: '5',
      hourlyRate: '125',
      purchasedAt: '2026-01-04T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  // the block purchase itself posted: 20 h × $120 = $2,400.00 of prepaid revenue, not overage
  posted({
    billingItemId: 'bi-b2',
    sourceItemId: 'b2',
    sourceType: 'BLOCK_PURCHASE',
    type: 'BLOCK_PURCHASE',
    contractId: 'blk',
    itemDate: '2026-01-01',
    quantity: '20',
    rate: '120',
    amount: '2400.00',
  }),
  // te-1 (2026-03-02), 7.5 h: all from b2 (oldest start date, then oldest purchase)
  posted({
    billingItemId: 'bi-1',
    sourceItemId: 'te-1',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    contractId: 'blk',
    itemDate: '2026-03-02',
    quantity: '7.5',
    rate: '0',
    amount: '0.00',
    covered: true,
    draws: [hours('b2', '7.5')],
  }),
  // te-2 (2026-03-09), 20 h: b2 has 20 − 7.5 = 12.5 left, b3 5 (b1 starts in July): 17.5 h covered,
  // 20 − 17.5 = 2.5 h overage × $140 = $350.00
  posted({
    billingItemId: 'bi-2a',
    sourceItemId: 'te-2',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    part: 'COVERED',
    contractId: 'blk',
    itemDate: '2026-03-09',
    quantity: '17.5',
    rate: '0',
    amount: '0.00',
    covered: true,
    draws: [hours('b2', '12.5'), hours('b3', '5')],
  }),
  posted({
    billingItemId: 'bi-2b',
    sourceItemId: 'te-2',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR_OVERAGE',
    part: 'OVERAGE',
    contractId: 'blk',
    itemDate: '2026-03-09',
    quantity: '2.5',
    rate: '140',
    amount: '350.00',
  }),
];
const te2Unposted: BalanceEvent = {
  type: 'ItemUnposted',
  data: {
    sourceItemId: 'te-2',
    sourceType: 'TIME_ENTRY',
    billingItemIds: ['bi-2a', 'bi-2b'],
    returned: [hours('b2', '12.5'), hours('b3', '5')],
    reason: 'wrong hours',
  },
};

// ---- Retainer: $1,000 prepaid; charges draw their amount
const retainer: BalanceEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'ret', name: 'Acme retainer', type: 'RETAINER' }) },
  {
    type: 'RetainerPurchased',
    data: {
      contractId: 'ret',
      purchaseId: 'r1',
      sequence: 1,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      amount: '1000',
      purchasedAt: '2026-01-02T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  // ch-1: 4 × $125 = $500.00, all drawn
  posted({
    billingItemId: 'bi-c1',
    sourceItemId: 'ch-1',
    contractId: 'ret',
    itemDate: '2026-02-01',
    quantity: '4',
    rate: '0',
    amount: '0.00',
    covered: true,
    draws: [money('r1', '500')],
  }),
  // ch-2: 3 × $200 = $600.00 with $500 left: $500 drawn, the $100.00 shortfall is a CHARGE OVERAGE part
  posted({
    billingItemId: 'bi-c2a',
    sourceItemId: 'ch-2',
    part: 'COVERED',
    contractId: 'ret',
    itemDate: '2026-02-15',
    quantity: '2.5',
    rate: '0',
    amount: '0.00',
    covered: true,
    draws: [money('r1', '500')],
  }),
  posted({
    billingItemId: 'bi-c2b',
    sourceItemId: 'ch-2',
    part: 'OVERAGE',
    contractId: 'ret',
    itemDate: '2026-02-15',
    quantity: '0.5',
    rate: '200',
    amount: '100.00',
  }),
];

// ---- Per Ticket: 2 tickets at $75; beyond them $90 a ticket
const tickets: BalanceEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'pt', name: 'Acme tickets', type: 'PER_TICKET', overageRate: '90' }) },
  {
    type: 'TicketsPurchased',
    data: {
      contractId: 'pt',
      purchaseId: 't1',
      sequence: 1,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      tickets: 2,
      perTicketRate: '75',
      purchasedAt: '2026-01-02T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  posted({
    billingItemId: 'bi-k1',
    sourceItemId: 'ticket:T-1',
    sourceType: 'TICKET',
    type: 'TICKET',
    contractId: 'pt',
    itemDate: '2026-04-01',
    rate: '0',
    amount: '0.00',
    covered: true,
    draws: [ticket('t1')],
  }),
  posted({
    billingItemId: 'bi-k2',
    sourceItemId: 'ticket:T-2',
    sourceType: 'TICKET',
    type: 'TICKET',
    contractId: 'pt',
    itemDate: '2026-04-02',
    rate: '0',
    amount: '0.00',
    covered: true,
    draws: [ticket('t1')],
  }),
  // none left: 1 × $90 = $90.00
  posted({
    billingItemId: 'bi-k3',
    sourceItemId: 'ticket:T-3',
    sourceType: 'TICKET',
    type: 'TICKET',
    contractId: 'pt',
    itemDate: '2026-04-03',
    rate: '90',
    amount: '90.00',
  }),
];

// ---- T&M billed labour, and Block Hours with no block: all 4 h are overage, 4 × $140 = $560.00 (posted WHOLE)
const others: BalanceEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'tm' }) },
  posted({
    billingItemId: 'bi-t1',
    sourceItemId: 'te-3',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    contractId: 'tm',
    itemDate: '2026-05-04',
    quantity: '2',
    rate: '165',
    amount: '330.00',
  }),
  { type: 'ContractCreated', data: contractTerms({ contractId: 'blk0', name: 'Acme empty blocks', type: 'BLOCK_HOURS', overageRate: '140' }) },
  posted({
    billingItemId: 'bi-o1',
    sourceItemId: 'te-4',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR_OVERAGE',
    contractId: 'blk0',
    itemDate: '2026-05-05',
    quantity: '4',
    rate: '140',
    amount: '560.00',
  }),
];

const all = [...blocks, ...retainer, ...tickets, ...others];

describe('contract-balances read model', () => {
  it('shows each purchase (by start date, then sequence) with purchased, used and remaining, and their totals', async () => {
    // given: te-1 and te-2 posted on the blocks
    const spec = given(blocks);
    // then: b2 used 7.5 + 12.5 = 20, b3 5 of 5, b1 none; totals 35 purchased, 25 used, 10 remaining
    await spec.then((db) => findContractBalance(db, 'blk'), {
      contractId: 'blk',
      type: 'BLOCK_HOURS',
      purchases: [
        { id: 'b2', kind: 'BLOCK', purchased: '20', used: '20', remaining: '0', startDate: '2026-01-01', endDate: '2026-06-30' },
        { id: 'b3', kind: 'BLOCK', purchased: '5', used: '5', remaining: '0', startDate: '2026-01-01', endDate: '2026-12-31' },
        { id: 'b1', kind: 'BLOCK', purchased: '10', used: '0', remaining: '10', startDate: '2026-07-01', endDate: '2026-12-31' },
      ],
      purchased: '35',
      used: '25',
      remaining: '10',
      // only the overage part: the block purchase ($2,400.00) and the covered parts are not overage
      overage: '350.00',
    });
  });

  it('unposting gives back what the posting drew and takes its overage away', async () => {
    // given
    const spec = given([...blocks, te2Unposted]);
    // then: b2 back to 7.5 used (20 − 7.5 = 12.5 remaining), b3 to 0; totals 7.5 used, 35 − 7.5 = 27.5 remaining
    await spec.then((db) => findContractBalance(db, 'blk'), {
      contractId: 'blk',
      type: 'BLOCK_HOURS',
      purchases: [
        { id: 'b2', kind: 'BLOCK', purchased: '20', used: '7.5', remaining: '12.5', startDate: '2026-01-01', endDate: '2026-06-30' },
        { id: 'b3', kind: 'BLOCK', purchased: '5', used: '0', remaining: '5', startDate: '2026-01-01', endDate: '2026-12-31' },
        { id: 'b1', kind: 'BLOCK', purchased: '10', used: '0', remaining: '10', startDate: '2026-07-01', endDate: '2026-12-31' },
      ],
      purchased: '35',
      used: '7.5',
      remaining: '27.5',
      overage: '0.00',
    });
  });

  it('posting again after an unpost draws anew from what was given back', async () => {
    // given: te-2 unposted, then posted again as 10 h: 12.5 left on b2 covers them all
    const spec = given([
      ...blocks,
      te2Unposted,
      posted({
        billingItemId: 'bi-2c',
        sourceItemId: 'te-2',
        sourceType: 'TIME_ENTRY',
        type: 'LABOR',
        contractId: 'blk',
        itemDate: '2026-03-09',
        quantity: '10',
        rate: '0',
        amount: '0.00',
        covered: true,
        draws: [hours('b2', '10')],
      }),
    ]);
    // then: b2 7.5 + 10 = 17.5 used; totals 17.5 used, 35 − 17.5 = 17.5 remaining; no overage
    await spec.then(
      (db) => {
        const b = findContractBalance(db, 'blk');
        return b && { b2: b.purchases[0].used, used: b.used, remaining: b.remaining, overage: b.overage };
      },
      { b2: '17.5', used: '17.5', remaining: '17.5', overage: '0.00' },
    );
  });

  it('a retainer shows money drawn; the OVERAGE part of a charge is overage', async () => {
    // given
    const spec = given(retainer);
    // then: $500 + $500 drawn of $1,000; overage $100.00
    await spec.then((db) => findContractBalance(db, 'ret'), {
      contractId: 'ret',
      type: 'RETAINER',
      purchases: [{ id: 'r1', kind: 'RETAINER', purchased: '1000', used: '1000', remaining: '0', startDate: '2026-01-01', endDate: '2026-12-31' }],
      purchased: '1000',
      used: '1000',
      remaining: '0',
      overage: '100.00',
    });
  });

  it('tickets: covered tickets use the purchase, a ticket not covered is overage', async () => {
    // given
    const spec = given(tickets);
    // then: 2 of 2 tickets used; the third billed at $90.00
    await spec.then((db) => findContractBalance(db, 'pt'), {
      contractId: 'pt',
      type: 'PER_TICKET',
      purchases: [{ id: 't1', kind: 'TICKETS', purchased: '2', used: '2', remaining: '0', startDate: '2026-01-01', endDate: '2026-12-31' }],
      purchased: '2',
      used: '2',
      remaining: '0',
      overage: '90.00',
    });
  });

  it('billed T&M labour is not overage; labour overage posted whole is', async () => {
    // given
    const db = await given(others).readModel();
    // then
    expect(findContractBalance(db, 'tm')).toEqual({
      contractId: 'tm',
      type: 'TIME_AND_MATERIALS',
      purchases: [],
      purchased: '0',
      used: '0',
      remaining: '0',
      overage: '0.00',
    });
    expect(findContractBalance(db, 'blk0')).toMatchObject({ purchases: [], used: '0', overage: '560.00' });
  });

  it('keeps each contract to itself, and knows no contract it was not told of', async () => {
    // given
    const db = await given(all).readModel();
    // then
    expect([
      findContractBalance(db, 'blk')?.overage,
      findContractBalance(db, 'ret')?.overage,
      findContractBalance(db, 'pt')?.overage,
      findContractBalance(db, 'blk0')?.overage,
    ]).toEqual(['350.00', '100.00', '90.00', '560.00']);
    expect(findContractBalance(db, 'nope')).toBeUndefined();
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => contractBalancesProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    // when
    const first = dump(await given([...all, te2Unposted]).readModel());
    const second = dump(await given([...all, te2Unposted]).readModel());
    // then: 5 contracts, 5 purchases, 3 overage items left (bi-2b was unposted), no recurring services
    expect(first.map((rows) => rows.length)).toEqual([5, 5, 3, 0, 0]);
    expect(second).toEqual(first);
  });
});
