import { NotFound, RuleViolation } from '../shared/domain-errors';
import type { PostedItemDraft } from './posted-item-draft';
import { ratePostingBatch } from './rate-posting-batch';
import { batch, block, labour, retainerPurchase, ticketPurchase } from './rating-fixtures.spec-helper';
import type { BillToTaxContext, ContractRatingSnapshot, PendingCharge, PendingExpense, PendingTicket, RoutingContract } from './rating-inputs';
import { routeTimeEntry } from './routing';

/** The fields a table checks, in a compact shape. */
function brief(item: PostedItemDraft) {
  return {
    id: item.sourceItemId,
    type: item.type,
    part: item.part,
    quantity: item.quantity,
    rate: item.rate,
    amount: item.amount,
    covered: item.covered,
    noCharge: item.noCharge,
    draws: item.draws.map((d) => `${d.purchaseId}:${d.quantity}`),
  };
}

const tm = (fields: Partial<ContractRatingSnapshot> = {}): ContractRatingSnapshot => ({
  id: 'tm',
  type: 'TIME_AND_MATERIALS',
  roleRates: [{ roleId: 'tech', hourlyRate: '95' }],
  ...fields,
});

const blocks = (fields: Partial<ContractRatingSnapshot> = {}): ContractRatingSnapshot => ({
  id: 'blk',
  type: 'BLOCK_HOURS',
  blockPurchases: [block('b1')],
  ...fields,
});

function charge(id: string, fields: Partial<PendingCharge> = {}): PendingCharge {
  return { kind: 'CHARGE', id, contractId: null, itemDate: '2026-03-02', quantity: '3', unitPrice: '19.99', unitCost: '12', billable: true, ...fields };
}

function expense(id: string, fields: Partial<PendingExpense> = {}): PendingExpense {
  return { kind: 'EXPENSE', id, contractId: null, itemDate: '2026-03-02', amount: '42.50', billable: true, ...fields };
}

function ticket(id: string, fields: Partial<PendingTicket> = {}): PendingTicket {
  return { kind: 'TICKET', id, contractId: 'pt', itemDate: '2026-03-02', labour: [], ...fields };
}

describe('ratePostingBatch', () => {
  describe('given the linked contracts of billing-rules §4 (Recurring → Block → T&M)', () => {
    const routing: RoutingContract[] = [
      {
        id: 'rec',
        type: 'RECURRING_SERVICE',
        status: 'ACTIVE',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        excludedWorkTypeIds: ['onsite', 'out-of-hours'],
        excludedRoleIds: [],
        exclusionContractId: 'blk',
      },
      {
        id: 'blk',
        type: 'BLOCK_HOURS',
        status: 'ACTIVE',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        excludedWorkTypeIds: ['out-of-hours'],
        excludedRoleIds: [],
        exclusionContractId: 'tm',
      },
      { id: 'tm', type: 'TIME_AND_MATERIALS', status: 'ACTIVE', startDate: '2026-01-01', endDate: '2026-12-31', excludedWorkTypeIds: [], excludedRoleIds: [] },
    ];
    const lookup = (id: string) => routing.find((c) => c.id === id);
    const contracts = [{ id: 'rec', type: 'RECURRING_SERVICE' as const }, blocks(), tm()];
    const logged = [
      labour('remote', { workTypeId: 'remote', hoursWorked: '1.5' }),
      labour('onsite', { workTypeId: 'onsite', hoursWorked: '2' }),
      labour('ooh', { workTypeId: 'out-of-hours', hoursWorked: '1.25' }),
    ].map((e) => ({ ...e, contractId: routeTimeEntry({ ...e, contractId: 'rec' }, lookup).contractId }));

    it('when routed and posted, then Remote is covered on Recurring, Onsite draws on the block, Out-of-Hours is billed on T&M', () => {
      const { items, draws } = ratePostingBatch(batch(logged, { contracts, roundUpMinutes: 15 }));
      // Same date, no start times: posted in id order (onsite, ooh, remote).
      expect(items.map((i) => ({ contractId: i.contractId, ...brief(i), cost: i.cost }))).toEqual([
        // Onsite → Block: 2 h × tech multiplier 1 × onsite 1.5 = 3 block hours drawn, posted at 0.00; cost 2 × $40 = 80.00
        {
          contractId: 'blk',
          id: 'onsite',
          type: 'LABOR',
          part: 'WHOLE',
          quantity: '2',
          rate: '0',
          amount: '0.00',
          covered: true,
          noCharge: false,
          draws: ['b1:3'],
          cost: '80.00',
        },
        // Out-of-Hours → T&M: 1.25 h × ($95 contract rate × 2) = 237.50; cost 1.25 × $40 = 50.00
        {
          contractId: 'tm',
          id: 'ooh',
          type: 'LABOR',
          part: 'WHOLE',
          quantity: '1.25',
          rate: '190',
          amount: '237.50',
          covered: false,
          noCharge: false,
          draws: [],
          cost: '50.00',
        },
        // Remote Support stays on Recurring: covered by the recurring fee; cost 1.5 × $40 = 60.00
        {
          contractId: 'rec',
          id: 'remote',
          type: 'LABOR',
          part: 'WHOLE',
          quantity: '1.5',
          rate: '0',
          amount: '0.00',
          covered: true,
          noCharge: false,
          draws: [],
          cost: '60.00',
        },
      ]);
      expect(draws).toEqual([{ purchaseId: 'b1', contractId: 'blk', kind: 'hours', quantity: '3', remainingBefore: '10', remainingAfter: '7' }]);
    });
  });

  describe('labour without prepaid balances', () => {
    it.each([
      // workTypeId, contract, hoursWorked, rate, amount   // working
      ['remote', null, '2.25', '100', '225.00'], // no contract: 2.25 h × role $100
      ['remote', 'tm', '2.25', '95', '213.75'], // T&M: 2.25 h × contract $95
      ['travel', 'tm', '2.25', '120', '270.00'], // 2.25 h × ($95 + 25)
      ['onsite', 'tm', '2.25', '142.5', '320.63'], // 2.25 h × $95 × 1.5 = 320.625 → 320.63 (half-up)
      ['emergency', 'tm', '2.25', '250', '562.50'], // 2.25 h × $250 custom
      ['setup', 'tm', '2.25', '80', '80.00'], // flat $80 whatever the hours
      ['short-call', null, '0.1', '100', '50.00'], // min 0.5 h × $100
      ['short-call', null, '3', '100', '200.00'], // max 2 h × $100
    ])('given %s work on %s for %s h, then rate %s and amount %s', (workTypeId, contractId, hoursWorked, rate, amount) => {
      const { items } = ratePostingBatch(batch([labour('e', { workTypeId, contractId, hoursWorked })], { contracts: [tm()] }));
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ type: 'LABOR', part: 'WHOLE', rate, amount, covered: false, noCharge: false, draws: [] });
    });

    it('given a 15-minute increment, then hours round up before rating', () => {
      // 1.1 h → 1.25 h × $100 = 125.00; cost on hours worked: 1.1 × 40 = 44.00
      const { items } = ratePostingBatch(batch([labour('e', { hoursWorked: '1.1' })], { roundUpMinutes: 15 }));
      expect(items[0]).toMatchObject({
        quantity: '1.25',
        amount: '125.00',
        cost: '44.00',
        labour: { hoursWorked: '1.1', hoursToBill: '1.25', rateSource: 'ROLE_RATE' },
      });
    });

    it('given an amount of exactly half a cent, then it rounds half-up once per item', () => {
      const contracts = [tm({ roleRates: [{ roleId: 'tech', hourlyRate: '100.02' }] })];
      // 0.25 h × $100.02 = 25.005 → 25.01
      const { items } = ratePostingBatch(batch([labour('e', { contractId: 'tm', hoursWorked: '0.25' })], { contracts }));
      expect(items[0].amount).toBe('25.01');
    });

    it.each([['RECURRING_SERVICE'], ['PER_TICKET'], ['FIXED_PRICE']] as const)(
      'given billable labour on a %s contract, then it is covered at 0.00 without a draw',
      (type) => {
        const { items, draws } = ratePostingBatch(batch([labour('e', { contractId: 'c', hoursWorked: '2' })], { contracts: [{ id: 'c', type }] }));
        expect(items.map(brief)).toEqual([
          { id: 'e', type: 'LABOR', part: 'WHOLE', quantity: '2', rate: '0', amount: '0.00', covered: true, noCharge: false, draws: [] },
        ]);
        expect(items[0].cost).toBe('80.00'); // 2 h × $40: cost is recorded even when covered
        expect(draws).toEqual([]);
      },
    );
  });

  describe('non-billable work (billing-rules §3)', () => {
    it.each([
      ['no contract', null],
      ['T&M', 'tm'],
      ['Block Hours', 'blk'],
      ['Retainer', 'ret'],
    ])('given non-billable work on %s, then 0.00, no charge, not covered, no draw', (_, contractId) => {
      const contracts = [tm(), blocks(), { id: 'ret', type: 'RETAINER' as const, retainerPurchases: [retainerPurchase('r1')] }];
      const { items, draws } = ratePostingBatch(batch([labour('e', { workTypeId: 'internal', contractId, hoursWorked: '2' })], { contracts }));
      expect(items.map(brief)).toEqual([
        { id: 'e', type: 'LABOR', part: 'WHOLE', quantity: '2', rate: '0', amount: '0.00', covered: false, noCharge: true, draws: [] },
      ]);
      expect(items[0].cost).toBe('80.00');
      expect(draws).toEqual([]);
    });
  });

  describe('block hours (billing-rules §6)', () => {
    it('given several blocks, then oldest start date first, then lowest sequence, and each to zero', () => {
      const contract = blocks({
        blockPurchases: [
          block('feb', { startDate: '2026-02-01', sequence: 1, remaining: '2' }),
          block('jan-second', { startDate: '2026-01-01', sequence: 3, remaining: '1' }),
          block('jan-first', { startDate: '2026-01-01', sequence: 2, remaining: '1' }),
        ],
      });
      const { items, draws } = ratePostingBatch(batch([labour('e', { contractId: 'blk', hoursWorked: '3' })], { contracts: [contract] }));
      // 3 h: jan-first 1, jan-second 1, feb 1
      expect(items.map(brief)).toEqual([
        {
          id: 'e',
          type: 'LABOR',
          part: 'WHOLE',
          quantity: '3',
          rate: '0',
          amount: '0.00',
          covered: true,
          noCharge: false,
          draws: ['jan-first:1', 'jan-second:1', 'feb:1'],
        },
      ]);
      expect(draws.map((d) => [d.purchaseId, d.quantity, d.remainingAfter])).toEqual([
        ['feb', '1', '1'],
        ['jan-first', '1', '0'],
        ['jan-second', '1', '0'],
      ]);
    });

    it('given a block whose dates do not cover the date worked, then it is skipped for a later one', () => {
      const contract = blocks({
        blockPurchases: [
          block('january', { endDate: '2026-01-31', remaining: '5' }),
          block('inactive', { active: false, remaining: '5' }),
          block('march', { startDate: '2026-03-01', endDate: '2026-03-31', sequence: 2, remaining: '5' }),
        ],
      });
      const { items } = ratePostingBatch(batch([labour('e', { contractId: 'blk', hoursWorked: '1' })], { contracts: [contract] }));
      expect(items[0].draws).toEqual([{ purchaseId: 'march', kind: 'hours', quantity: '1' }]);
    });

    it('given entries in any input order, then they draw by date worked, then start time (none first), then id', () => {
      const contract = blocks({ overageRate: '90', blockPurchases: [block('b', { remaining: '3' })] });
      const entries = [
        labour('a-nine', { contractId: 'blk', startTime: '2026-03-02T09:00:00Z' }),
        labour('z-day-after', { contractId: 'blk', dateWorked: '2026-03-03' }),
        labour('b-eight', { contractId: 'blk', startTime: '2026-03-02T08:00:00Z' }),
        labour('c-no-start', { contractId: 'blk' }),
        labour('b-no-start', { contractId: 'blk' }),
      ];
      const { items } = ratePostingBatch(batch(entries, { contracts: [contract] }));
      // 3 block hours for five 1-hour entries: the three first in order are covered, the others billed at $90
      expect(items.map((i) => [i.sourceItemId, i.type, i.amount])).toEqual([
        ['b-no-start', 'LABOR', '0.00'],
        ['c-no-start', 'LABOR', '0.00'],
        ['b-eight', 'LABOR', '0.00'],
        ['a-nine', 'LABOR_OVERAGE', '90.00'],
        ['z-day-after', 'LABOR_OVERAGE', '90.00'],
      ]);
    });

    it('given too few block hours, then the entry is split into a covered part and an overage part', () => {
      const contract = blocks({ roleRates: [{ roleId: 'tech', hourlyRate: '95' }], blockPurchases: [block('b', { remaining: '2' })] });
      const { items, draws } = ratePostingBatch(batch([labour('e', { contractId: 'blk', hoursWorked: '3' })], { contracts: [contract] }));
      expect(items.map((i) => ({ ...brief(i), cost: i.cost }))).toEqual([
        // 2 h from the block; cost 3 h × $40 = 120 shared 2/3 = 80.00 and 40.00
        { id: 'e', type: 'LABOR', part: 'COVERED', quantity: '2', rate: '0', amount: '0.00', covered: true, noCharge: false, draws: ['b:2'], cost: '80.00' },
        // 1 h overage × $95 contract role rate = 95.00
        {
          id: 'e',
          type: 'LABOR_OVERAGE',
          part: 'OVERAGE',
          quantity: '1',
          rate: '95',
          amount: '95.00',
          covered: false,
          noCharge: false,
          draws: [],
          cost: '40.00',
        },
      ]);
      expect(items[1].labour).toEqual({ roleId: 'tech', workTypeId: 'remote', hoursWorked: '3', hoursToBill: '3', rateSource: 'CONTRACT_ROLE_RATE' });
      expect(draws[0]).toMatchObject({ purchaseId: 'b', quantity: '2', remainingBefore: '2', remainingAfter: '0' });
    });

    it('given a split that does not divide evenly, then covered hours round to 4 places and the overage takes the rest', () => {
      const contract = blocks({ blockPurchases: [block('b', { remaining: '1' })] });
      const entry = labour('e', { contractId: 'blk', roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '1' });
      const { items } = ratePostingBatch(batch([entry], { contracts: [contract] }));
      // 1 h × 2 (engineer) × 1.5 (onsite) = 3 block hours needed, 1 left → covered 1 ÷ 3 = 0.3333 h, overage 0.6667 h
      // overage: 0.6667 h × $150 (role rate, no modifier on overage) = 100.005 → 100.01
      // cost 1 h × $60 = 60.00 → covered 60 × 0.3333 = 19.998 → 20.00, overage 40.00
      expect(items.map((i) => [i.part, i.quantity, i.rate, i.amount, i.cost])).toEqual([
        ['COVERED', '0.3333', '0', '0.00', '20.00'],
        ['OVERAGE', '0.6667', '150', '100.01', '40.00'],
      ]);
    });

    it.each([
      ['the contract overage rate', { overageRate: '90', roleRates: [{ roleId: 'tech', hourlyRate: '95' }] }, '90', '180.00', 'CONTRACT_OVERAGE_RATE'], // 2 h × $90
      ['else the contract role rate', { roleRates: [{ roleId: 'tech', hourlyRate: '95' }] }, '95', '190.00', 'CONTRACT_ROLE_RATE'], // 2 h × $95
      ['else the role hourly rate', {}, '100', '200.00', 'ROLE_RATE'], // 2 h × $100
    ])('given no usable block, then the whole entry is overage at %s', (_, fields, rate, amount, rateSource) => {
      const contract = blocks({ ...fields, blockPurchases: [] });
      const { items } = ratePostingBatch(batch([labour('e', { contractId: 'blk', hoursWorked: '2' })], { contracts: [contract] }));
      expect(items.map(brief)).toEqual([
        { id: 'e', type: 'LABOR_OVERAGE', part: 'WHOLE', quantity: '2', rate, amount, covered: false, noCharge: false, draws: [] },
      ]);
      expect(items[0].labour?.rateSource).toBe(rateSource);
    });

    it('given an overage, then the work-type modifier is never applied to it', () => {
      const contract = blocks({ overageRate: '90', blockPurchases: [] });
      const { items } = ratePostingBatch(batch([labour('e', { contractId: 'blk', workTypeId: 'onsite', hoursWorked: '2' })], { contracts: [contract] }));
      expect(items[0]).toMatchObject({ rate: '90', amount: '180.00' }); // 2 h × $90, not × 1.5
    });

    it.each([
      [false, '90', '45.00'], // 0.5 h × $90
      [true, '180', '90.00'], // 0.5 h × $90 × 2 (engineer default multiplier)
    ])('given multiplyOverage %s, then the overage rate is %s', (multiplyOverage, rate, amount) => {
      const contract = blocks({ overageRate: '90', blockPurchases: [block('b', { remaining: '3' })] });
      const entry = labour('e', { contractId: 'blk', roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '1.5' });
      const { items } = ratePostingBatch(batch([entry], { contracts: [contract], multiplyOverage }));
      // 1.5 h × 2 × 1.5 = 4.5 block hours needed, 3 left → covered 3 ÷ 3 = 1 h, overage 0.5 h
      expect(items.map((i) => [i.part, i.quantity, i.rate, i.amount])).toEqual([
        ['COVERED', '1', '0', '0.00'],
        ['OVERAGE', '0.5', rate, amount],
      ]);
    });

    it.each([
      [
        'the contract multiplier for the role, compounded with the work type',
        'engineer',
        'onsite',
        [{ roleId: 'engineer', blockHourMultiplier: '1.25' }],
        '2.8125',
      ], // 1.5 × 1.25 × 1.5
      ['the role default, compounded with the work type', 'engineer', 'onsite', [], '4.5'], // 1.5 × 2 × 1.5
      ['the role default below 1', 'intern', 'remote', [], '0.75'], // 1.5 × 0.5 × 1 (no multiply modifier)
      ['1 for a role without one; add modifiers do not multiply', 'tech', 'travel', [], '1.5'], // 1.5 × 1 × 1
    ])('given %s, then the draw is right', (_, roleId, workTypeId, roleRates, drawn) => {
      const contract = blocks({ roleRates });
      const { items } = ratePostingBatch(batch([labour('e', { contractId: 'blk', roleId, workTypeId, hoursWorked: '1.5' })], { contracts: [contract] }));
      expect(items[0].draws).toEqual([{ purchaseId: 'b1', kind: 'hours', quantity: drawn }]);
    });
  });

  describe('retainer (billing-rules §6)', () => {
    const retainer = (remaining: [string, string][]): ContractRatingSnapshot => ({
      id: 'ret',
      type: 'RETAINER',
      roleRates: [{ roleId: 'tech', hourlyRate: '120' }],
      retainerPurchases: remaining.map(([id, left], i) => retainerPurchase(id, { remaining: left, sequence: i + 1, startDate: `2026-0${i + 1}-01` })),
    });

    it('given labour, charges and expenses, then labour and charges spill from the oldest purchase to the next, the shortfall is overage, and expenses never draw', () => {
      const items = [
        labour('l1', { contractId: 'ret', hoursWorked: '1.5' }), // 1.5 h × $120 = 180.00 → r1 142.50 + r2 37.50
        labour('l2', { contractId: 'ret', workTypeId: 'onsite', hoursWorked: '2' }), // 2 h × $120 × 1.5 = 360.00 → r2 262.50, shortfall 97.50
        charge('m1', { contractId: 'ret', itemDate: '2026-03-03' }), // 3 × $19.99 = 59.97, nothing left → billed
        expense('x1', { contractId: 'ret', itemDate: '2026-03-01' }), // 42.50: billing-rules §6 draws only labour and charges → billed
      ];
      const result = ratePostingBatch(
        batch(items, {
          contracts: [
            retainer([
              ['r1', '142.50'],
              ['r2', '300'],
            ]),
          ],
        }),
      );
      expect(result.items.map((i) => ({ ...brief(i), cost: i.cost }))).toEqual([
        { id: 'x1', type: 'EXPENSE', part: 'WHOLE', quantity: '1', rate: '42.5', amount: '42.50', covered: false, noCharge: false, draws: [], cost: '42.50' },
        {
          id: 'l1',
          type: 'LABOR',
          part: 'WHOLE',
          quantity: '1.5',
          rate: '0',
          amount: '0.00',
          covered: true,
          noCharge: false,
          draws: ['r1:142.5', 'r2:37.5'],
          cost: '60.00',
        },
        // covered 2 × 262.50 ÷ 360 = 1.458333 → 1.4583 h; overage 0.5417 h; cost 2 × $40 = 80 → 80 × 1.4583 ÷ 2 = 58.332 → 58.33, rest 21.67
        {
          id: 'l2',
          type: 'LABOR',
          part: 'COVERED',
          quantity: '1.4583',
          rate: '0',
          amount: '0.00',
          covered: true,
          noCharge: false,
          draws: ['r2:262.5'],
          cost: '58.33',
        },
        {
          id: 'l2',
          type: 'LABOR_OVERAGE',
          part: 'OVERAGE',
          quantity: '0.5417',
          rate: '180',
          amount: '97.50',
          covered: false,
          noCharge: false,
          draws: [],
          cost: '21.67',
        },
        { id: 'm1', type: 'CHARGE', part: 'WHOLE', quantity: '3', rate: '19.99', amount: '59.97', covered: false, noCharge: false, draws: [], cost: '36.00' },
      ]);
      expect(result.draws.map((d) => [d.purchaseId, d.quantity, d.remainingAfter])).toEqual([
        ['r1', '142.5', '0'],
        ['r2', '300', '0'],
      ]);
    });

    it('given a charge larger than the retainer left, then it splits into a covered and an overage charge', () => {
      const { items } = ratePostingBatch(
        batch([charge('m', { contractId: 'ret', quantity: '4', unitPrice: '25', unitCost: '10' })], { contracts: [retainer([['r1', '30']])] }),
      );
      // 4 × $25 = 100: r1 pays 30 → covered 4 × 30/100 = 1.2 units, overage 2.8 units billed 70.00; cost 40 → 12.00 + 28.00
      expect(items.map((i) => [i.type, i.part, i.quantity, i.rate, i.amount, i.cost, i.draws.length])).toEqual([
        ['CHARGE', 'COVERED', '1.2', '0', '0.00', '12.00', 1],
        ['CHARGE', 'OVERAGE', '2.8', '25', '70.00', '28.00', 0],
      ]);
    });

    it('given non-billable charges and expenses, then 0.00, no charge and no draw', () => {
      const result = ratePostingBatch(
        batch([charge('m', { contractId: 'ret', billable: false }), expense('x', { contractId: 'ret', billable: false })], {
          contracts: [retainer([['r1', '500']])],
        }),
      );
      expect(result.items.map((i) => [i.sourceItemId, i.amount, i.noCharge, i.covered, i.cost])).toEqual([
        ['m', '0.00', true, false, '36.00'],
        ['x', '0.00', true, false, '42.50'],
      ]);
      expect(result.draws).toEqual([]);
    });

    it('given a retainer purchase that does not cover the date, then the whole amount is billed', () => {
      const contract = { ...retainer([]), retainerPurchases: [retainerPurchase('future', { startDate: '2026-04-01' })] };
      const { items } = ratePostingBatch(batch([labour('l', { contractId: 'ret', hoursWorked: '1' })], { contracts: [contract] }));
      expect(items.map(brief)).toEqual([
        { id: 'l', type: 'LABOR', part: 'WHOLE', quantity: '1', rate: '120', amount: '120.00', covered: false, noCharge: false, draws: [] },
      ]);
    });
  });

  describe('tickets (billing-rules §6)', () => {
    const perTicket = (fields: Partial<ContractRatingSnapshot> = {}): ContractRatingSnapshot => ({
      id: 'pt',
      type: 'PER_TICKET',
      ticketPurchases: [ticketPurchase('t-feb', { startDate: '2026-02-01', remaining: 2 }), ticketPurchase('t-jan', { remaining: 1, sequence: 2 })],
      ...fields,
    });
    const ticketLabour = [
      { id: 'a', roleId: 'tech', workTypeId: 'remote', hoursWorked: '1.25' }, // 1.25 h × $100 = 125
      { id: 'b', roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '0.5' }, // 0.5 h × $150 × 1.5 = 112.5
      { id: 'c', roleId: 'tech', workTypeId: 'internal', hoursWorked: '1' }, // non-billable: 0
    ];

    it('given tickets left, then each completed ticket uses one from the oldest purchase at 0.00', () => {
      const result = ratePostingBatch(batch([ticket('k2', { itemDate: '2026-03-03' }), ticket('k1')], { contracts: [perTicket()] }));
      expect(result.items.map(brief)).toEqual([
        { id: 'k1', type: 'TICKET', part: 'WHOLE', quantity: '1', rate: '0', amount: '0.00', covered: true, noCharge: false, draws: ['t-jan:1'] },
        { id: 'k2', type: 'TICKET', part: 'WHOLE', quantity: '1', rate: '0', amount: '0.00', covered: true, noCharge: false, draws: ['t-feb:1'] },
      ]);
      expect(result.draws.map((d) => [d.purchaseId, d.kind, d.quantity, d.remainingAfter])).toEqual([
        ['t-feb', 'tickets', '1', '1'],
        ['t-jan', 'tickets', '1', '0'],
      ]);
    });

    it('given no ticket left and an overage rate, then the ticket is billed at the overage rate', () => {
      const contract = perTicket({ overageRate: '45', ticketPurchases: [ticketPurchase('t', { remaining: 0 })] });
      const { items } = ratePostingBatch(batch([ticket('k', { labour: ticketLabour })], { contracts: [contract] }));
      expect(items.map(brief)).toEqual([
        { id: 'k', type: 'TICKET', part: 'WHOLE', quantity: '1', rate: '45', amount: '45.00', covered: false, noCharge: false, draws: [] },
      ]);
    });

    it('given no ticket left and no overage rate, then its labour at role rates with modifiers', () => {
      const { items } = ratePostingBatch(batch([ticket('k', { labour: ticketLabour })], { contracts: [perTicket({ ticketPurchases: [] })] }));
      expect(items[0]).toMatchObject({ type: 'TICKET', quantity: '1', rate: '237.5', amount: '237.50', covered: false, cost: '0.00' }); // 125 + 112.5
    });

    it('given the labour fallback, then the sum is rounded once, not per entry', () => {
      const labourLines = [
        { id: 'a', roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '0.0333' }, // 0.0333 × $225 = 7.4925
        { id: 'b', roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '0.0333' }, // 7.4925
      ];
      const { items } = ratePostingBatch(batch([ticket('k', { labour: labourLines })], { contracts: [perTicket({ ticketPurchases: [] })] }));
      expect(items[0].amount).toBe('14.99'); // 14.985 → 14.99 (per entry it would be 7.49 + 7.49 = 14.98)
    });

    it('given a ticket on a contract that is not Per Ticket, then contract-type-mismatch', () => {
      expect(() => ratePostingBatch(batch([ticket('k', { contractId: 'tm' })], { contracts: [tm()] }))).toThrow(
        expect.objectContaining({ rule: 'contract-type-mismatch' }),
      );
    });
  });

  describe('charges, expenses and purchases (billing-rules §6, §8)', () => {
    it('given each kind, then its amount, quantity, rate and cost', () => {
      const contracts = [blocks(), { id: 'ret', type: 'RETAINER' as const }, { id: 'pt', type: 'PER_TICKET' as const }];
      const items = [
        charge('m'), // 3 × $19.99 = 59.97; cost 3 × $12 = 36.00
        charge('m-free', { billable: false }), // no charge; cost 36.00
        expense('x'), // 42.50; cost defaults to the amount
        expense('x-cost', { amount: '42.50', cost: '40' }),
        { kind: 'BLOCK_PURCHASE' as const, id: 'p-blk', contractId: 'blk', itemDate: '2026-03-02', hours: '10', hourlyRate: '90' }, // 10 × $90
        { kind: 'RETAINER_PURCHASE' as const, id: 'p-ret', contractId: 'ret', itemDate: '2026-03-02', amount: '500' },
        { kind: 'TICKET_PURCHASE' as const, id: 'p-pt', contractId: 'pt', itemDate: '2026-03-02', tickets: 5, perTicketRate: '45' }, // 5 × $45
      ];
      const { items: posted, draws } = ratePostingBatch(batch(items, { contracts }));
      expect(posted.map((i) => [i.sourceItemId, i.type, i.quantity, i.rate, i.amount, i.cost, i.noCharge])).toEqual([
        ['m', 'CHARGE', '3', '19.99', '59.97', '36.00', false],
        ['m-free', 'CHARGE', '3', '0', '0.00', '36.00', true],
        ['p-blk', 'BLOCK_PURCHASE', '10', '90', '900.00', '0.00', false],
        ['p-pt', 'TICKET_PURCHASE', '5', '45', '225.00', '0.00', false],
        ['p-ret', 'RETAINER_PURCHASE', '1', '500', '500.00', '0.00', false],
        ['x', 'EXPENSE', '1', '42.5', '42.50', '42.50', false],
        ['x-cost', 'EXPENSE', '1', '42.5', '42.50', '40.00', false],
      ]);
      expect(draws).toEqual([]); // a purchase is billed, it does not change balances
    });

    it('given a purchase on the wrong type of contract, then contract-type-mismatch', () => {
      const item = { kind: 'BLOCK_PURCHASE' as const, id: 'p', contractId: 'tm', itemDate: '2026-03-02', hours: '10', hourlyRate: '90' };
      expect(() => ratePostingBatch(batch([item], { contracts: [tm()] }))).toThrow(expect.objectContaining({ rule: 'contract-type-mismatch' }));
    });
  });

  describe('approver overrides (billing-rules §5, §8)', () => {
    it.each([
      ['hours to bill', { hoursToBill: '1.5' }, '1.5', '100', '150.00', { hoursToBill: '2' }], // 1.5 h × $100
      ['the hourly rate', { hourlyRate: '80' }, '2', '80', '160.00', { rate: '100' }], // 2 h × $80
      ['the amount', { amount: '99.99' }, '2', '100', '99.99', { amount: '200.00' }], // amount wins
      ['all three', { hoursToBill: '1', hourlyRate: '80', amount: '70' }, '1', '80', '70.00', { hoursToBill: '2', rate: '100', amount: '80.00' }],
    ])('given an override of %s, then the new values with the originals beside them', (_, override, quantity, rate, amount, original) => {
      const { items } = ratePostingBatch(batch([labour('e', { hoursWorked: '2' })], { overrides: { e: override } }));
      expect(items[0]).toMatchObject({ quantity, rate, amount, original, cost: '80.00' });
      expect(items[0].original).toEqual(original);
    });

    it('given an hourly rate override, then the rate source says so', () => {
      const { items } = ratePostingBatch(batch([labour('e')], { overrides: { e: { hourlyRate: '80' } } }));
      expect(items[0].labour?.rateSource).toBe('APPROVER_OVERRIDE');
    });

    it('given a charge amount override, then the amount, with the original', () => {
      const { items } = ratePostingBatch(batch([charge('m')], { overrides: { m: { amount: '50' } } }));
      expect(items[0]).toMatchObject({ amount: '50.00', original: { amount: '59.97' } });
    });

    it('given an expense amount override (billing-rules §8), then the amount, with the original; the rate stays what was spent', () => {
      const { items } = ratePostingBatch(batch([expense('x')], { overrides: { x: { amount: '30' } } }));
      expect(items[0]).toMatchObject({ type: 'EXPENSE', quantity: '1', rate: '42.5', amount: '30.00', original: { amount: '42.50' } });
    });

    it('given hours to bill overridden on a block contract, then the draw uses the new hours', () => {
      const { items } = ratePostingBatch(
        batch([labour('e', { contractId: 'blk', hoursWorked: '3' })], { contracts: [blocks()], overrides: { e: { hoursToBill: '2.5' } } }),
      );
      expect(items[0]).toMatchObject({ quantity: '2.5', draws: [{ purchaseId: 'b1', kind: 'hours', quantity: '2.5' }], original: { hoursToBill: '3' } });
    });

    it('given a rate override on a split block entry, then it prices the overage part', () => {
      const contract = blocks({ overageRate: '90', blockPurchases: [block('b', { remaining: '1' })] });
      const { items } = ratePostingBatch(
        batch([labour('e', { contractId: 'blk', hoursWorked: '3' })], { contracts: [contract], overrides: { e: { hourlyRate: '70' } } }),
      );
      // 2 h overage × $70 = 140.00 (the overage rate was $90)
      expect(items[1]).toMatchObject({ part: 'OVERAGE', quantity: '2', rate: '70', amount: '140.00', original: { rate: '90' } });
    });

    it('given a rate override on a retainer entry, then the new amount is what the retainer pays', () => {
      const contract: ContractRatingSnapshot = { id: 'ret', type: 'RETAINER', retainerPurchases: [retainerPurchase('r')] };
      const { items, draws } = ratePostingBatch(
        batch([labour('e', { contractId: 'ret', hoursWorked: '2' })], { contracts: [contract], overrides: { e: { hourlyRate: '80' } } }),
      );
      expect(items[0]).toMatchObject({ covered: true, draws: [{ purchaseId: 'r', kind: 'money', quantity: '160' }], original: { rate: '100' } }); // 2 h × $80
      expect(draws[0].remainingAfter).toBe('340');
    });

    it.each([
      ['non-billable work', labour('e', { workTypeId: 'internal' }), []],
      ['labour covered by a recurring contract', labour('e', { contractId: 'rec' }), [{ id: 'rec', type: 'RECURRING_SERVICE' as const }]],
      ['labour fully covered by a block', labour('e', { contractId: 'blk' }), [blocks()]],
      ['a non-billable charge', charge('e', { billable: false }), []],
    ])('given a price override on %s, then override-on-uncharged-item', (_, item, contracts) => {
      expect(() => ratePostingBatch(batch([item], { contracts, overrides: { e: { amount: '10' } } }))).toThrow(
        expect.objectContaining({ rule: 'override-on-uncharged-item' }),
      );
    });

    it('given an override for an item not in the batch, then override-unknown-item', () => {
      expect(() => ratePostingBatch(batch([labour('e')], { overrides: { ghost: { amount: '1' } } }))).toThrow(
        expect.objectContaining({ rule: 'override-unknown-item' }),
      );
    });

    it.each([
      ['hours on a charge', charge('e'), { hoursToBill: '1' }],
      ['a rate on an expense', expense('e'), { hourlyRate: '1' }],
      ['an amount on a ticket', ticket('e'), { amount: '1' }],
    ])('given an override of %s, then override-not-allowed', (_, item, override) => {
      const contracts: ContractRatingSnapshot[] = [{ id: 'pt', type: 'PER_TICKET' }];
      expect(() => ratePostingBatch(batch([item], { contracts, overrides: { e: override } }))).toThrow(
        expect.objectContaining({ rule: 'override-not-allowed' }),
      );
    });
  });

  describe('tax per item (billing-rules §10)', () => {
    const quebec: BillToTaxContext = {
      taxExempt: false,
      region: {
        id: 'qc',
        ratesByCategory: {
          services: [
            { name: 'GST', rate: '0.05', compound: false },
            { name: 'QST', rate: '0.09975', compound: true },
          ],
          materials: [{ name: 'GST', rate: '0.05', compound: false }],
        },
      },
    };

    it('given items of different tax categories, then each item is taxed on its own rounded amount', () => {
      const items = [
        labour('l', { workTypeId: 'onsite', hoursWorked: '1.5833' }), // 1.5833 h × $100 × 1.5 = 237.495 → 237.50; tax 11.875 + 249.375 × 0.09975 = 36.75015625 → 36.75
        charge('m', { taxCategoryId: 'materials' }), // 59.97 × 0.05 = 2.9985 → 3.00
        expense('x'), // no category: untaxed
        labour('n', { workTypeId: 'internal' }), // no charge: 0.00
      ];
      const { items: posted } = ratePostingBatch(batch(items, { billTo: quebec }));
      expect(posted.map((i) => [i.sourceItemId, i.amount, i.tax])).toEqual([
        ['l', '237.50', '36.75'],
        ['m', '59.97', '3.00'],
        ['n', '0.00', '0.00'],
        ['x', '42.50', '0.00'],
      ]);
    });

    it('given a tax-exempt bill-to account, then no tax', () => {
      const { items } = ratePostingBatch(batch([labour('l', { workTypeId: 'onsite' })], { billTo: { ...quebec, taxExempt: true } }));
      expect(items[0].tax).toBe('0.00');
    });
  });

  describe('refusals', () => {
    it('given the same item twice, then duplicate-item', () => {
      expect(() => ratePostingBatch(batch([labour('e'), labour('e')]))).toThrow(expect.objectContaining({ rule: 'duplicate-item' }));
    });

    it('given an unknown role, work type or contract, then NotFound', () => {
      expect(() => ratePostingBatch(batch([labour('e', { roleId: 'ghost' })]))).toThrow(NotFound);
      expect(() => ratePostingBatch(batch([labour('e', { workTypeId: 'ghost' })]))).toThrow(NotFound);
      expect(() => ratePostingBatch(batch([labour('e', { contractId: 'ghost' })]))).toThrow(NotFound);
    });

    it('given an invalid rounding setting, then round-up-minutes', () => {
      expect(() => ratePostingBatch(batch([labour('e')], { roundUpMinutes: 10 }))).toThrow(expect.objectContaining({ rule: 'round-up-minutes' }));
    });

    it('given a purchase with a negative balance, then negative-balance', () => {
      const contract = blocks({ blockPurchases: [block('b', { remaining: '-1' })] });
      expect(() => ratePostingBatch(batch([], { contracts: [contract] }))).toThrow(expect.objectContaining({ rule: 'negative-balance' }));
    });

    it('given a malformed amount, then invalid-decimal', () => {
      expect(() => ratePostingBatch(batch([charge('m', { unitPrice: '19,99' })]))).toThrow(RuleViolation);
    });

    it('given an item rated beyond 999999999999.99 either way, then amount-too-large; the bound itself posts', () => {
      // 24 h × $50,000,000,000 = 1,200,000,000,000.00
      const huge = [tm({ roleRates: [{ roleId: 'tech', hourlyRate: '50000000000' }] })];
      expect(() => ratePostingBatch(batch([labour('e', { contractId: 'tm', hoursWorked: '24' })], { contracts: huge }))).toThrow(
        expect.objectContaining({ rule: 'amount-too-large' }),
      );
      // an approver's amount of 10^12; a credit of −10^12 (quantity 1 × unit price −1,000,000,000,000)
      expect(() => ratePostingBatch(batch([charge('m')], { overrides: { m: { amount: '1000000000000' } } }))).toThrow(
        expect.objectContaining({ rule: 'amount-too-large' }),
      );
      expect(() => ratePostingBatch(batch([charge('m', { quantity: '1', unitPrice: '-1000000000000' })]))).toThrow(
        expect.objectContaining({ rule: 'amount-too-large' }),
      );
      // 999999999999.994 rounds to 999999999999.99: the bound itself
      const { items } = ratePostingBatch(batch([charge('m', { quantity: '1', unitPrice: '999999999999.994' })]));
      expect(items[0].amount).toBe('999999999999.99');
    });
  });

  it('never mutates its input', () => {
    const input = batch([labour('e', { contractId: 'blk', hoursWorked: '12' })], { contracts: [blocks()] });
    const before = JSON.stringify(input);
    ratePostingBatch(deepFreeze(input));
    expect(JSON.stringify(input)).toBe(before);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
