import type { BillingItemData, ContractEvent, ItemDraw, ItemPosted, ItemUnposted, PostedLabourDetail } from '@billing/domain';
import { billingItem } from '../../testing/billing-fixtures';
import { projectionSpec, type GivenEvent } from '../../testing/projection-spec';
import { profitabilityProjection } from './profitability.projection';
import { profitabilityReport, type ProfitabilityFigures, type ProfitabilityFilter } from './profitability.query';

type ProfitEvent = ContractEvent | ItemPosted | ItemUnposted;

const onStream = (event: ProfitEvent): GivenEvent => ({
  event,
  streamId:
    event.type === 'ItemPosted' ? `ledger-${event.data.billToAccountId}` : event.type === 'ItemUnposted' ? 'ledger-acme' : `contract-${event.data.contractId}`,
});
const given = (events: ProfitEvent[]) => projectionSpec(profitabilityProjection).given(events.map(onStream));
const report = (filter: ProfitabilityFilter) => (db: Parameters<typeof profitabilityReport>[0]) => profitabilityReport(db, filter);

const posted = (data: Partial<BillingItemData>): ItemPosted => ({ type: 'ItemPosted', data: billingItem(data) });
/** Labour of an engineer (cost $50/h) as posted: `hours` worked and to bill. */
const labour = (workTypeId: string, hours: string): PostedLabourDetail => ({
  roleId: 'engineer',
  workTypeId,
  hoursWorked: hours,
  hoursToBill: hours,
  rateSource: null,
});
const hoursFrom = (purchaseId: string, quantity: string): ItemDraw => ({ purchaseId, kind: 'hours', quantity });

/** Figures with nothing in them, for a spec to fill in what its case is about. */
const zero: ProfitabilityFigures = {
  revenue: '0.00',
  billed: '0.00',
  covered: '0.00',
  prepaidBilled: '0.00',
  cost: '0.00',
  margin: '0.00',
  marginPercent: null,
  hours: '0',
  negativeMargin: false,
};
const fig = (f: Partial<ProfitabilityFigures>): ProfitabilityFigures => ({ ...zero, ...f });

// ---- Time & Materials: te-1, 3 h remote on 2026-10-15 at the contract rate $110 = $330.00; cost 3 h × $50 = $150.00
const te1 = posted({
  billingItemId: 'bi-te-1-1',
  sourceItemId: 'te-1',
  sourceType: 'TIME_ENTRY',
  type: 'LABOR',
  contractId: 'tm',
  itemDate: '2026-10-15',
  quantity: '3',
  rate: '110',
  amount: '330.00',
  cost: '150.00',
  labour: { ...labour('remote', '3'), rateSource: 'CONTRACT_ROLE_RATE' },
});
// te-4, 2 h remote on 2026-11-10: 2 × $110 = $220.00, cost $100.00; unposted below
const te4 = posted({
  billingItemId: 'bi-te-4-1',
  sourceItemId: 'te-4',
  sourceType: 'TIME_ENTRY',
  type: 'LABOR',
  contractId: 'tm',
  itemDate: '2026-11-10',
  quantity: '2',
  rate: '110',
  amount: '220.00',
  cost: '100.00',
  labour: { ...labour('remote', '2'), rateSource: 'CONTRACT_ROLE_RATE' },
});
const te4Unposted: ItemUnposted = {
  type: 'ItemUnposted',
  data: { sourceItemId: 'te-4', sourceType: 'TIME_ENTRY', billingItemIds: ['bi-te-4-1'], returned: [], reason: 'wrong contract' },
};

// ---- Block Hours `blk`: b1 10 h × $120 (from October), b2 5 h × $125 (from November); overage $140/h
const block = (purchaseId: string, sequence: number, startDate: string, hours: string, hourlyRate: string): ProfitEvent => ({
  type: 'BlockPurchased',
  data: {
    contractId: 'blk',
    purchaseId,
    sequence,
    startDate,
    endDate: '2027-03-31',
    hours,
    hourlyRate,
    purchasedAt: `${startDate}T00:00:00.000Z`,
    billingCodeId: null,
  },
});
const blockPurchase = (purchaseId: string, itemDate: string, hours: string, rate: string, amount: string) =>
  posted({
    billingItemId: `bi-${purchaseId}-1`,
    sourceItemId: purchaseId,
    sourceType: 'BLOCK_PURCHASE',
    type: 'BLOCK_PURCHASE',
    contractId: 'blk',
    itemDate,
    quantity: hours,
    rate,
    amount,
  });
const blocks: ProfitEvent[] = [
  block('b1', 1, '2026-10-01', '10', '120'),
  block('b2', 2, '2026-11-01', '5', '125'),
  // the purchases posted: 10 × $120 = $1,200.00 in October, 5 × $125 = $625.00 in November (prepaid, not revenue)
  blockPurchase('b1', '2026-10-01', '10', '120', '1200.00'),
  blockPurchase('b2', '2026-11-01', '5', '125', '625.00'),
  // te-2, 6 h onsite on 2026-10-20, all from b1: covered 6 × $120 = $720.00; cost 6 × $50 = $300.00
  posted({
    billingItemId: 'bi-te-2-1',
    sourceItemId: 'te-2',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    contractId: 'blk',
    itemDate: '2026-10-20',
    quantity: '6',
    rate: '0',
    amount: '0.00',
    cost: '300.00',
    covered: true,
    draws: [hoursFrom('b1', '6')],
    labour: labour('onsite', '6'),
  }),
  // te-3, 10 h onsite on 2026-11-03: b1's last 4 h and b2's 5 h cover 9 h, covered 4 × $120 + 5 × $125 = 480 + 625 = $1,105.00;
  // 1 h overage × $140 = $140.00; cost 10 × $50 = $500.00, shared 9:1 as $450.00 and $50.00
  posted({
    billingItemId: 'bi-te-3-1',
    sourceItemId: 'te-3',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    part: 'COVERED',
    contractId: 'blk',
    itemDate: '2026-11-03',
    quantity: '9',
    rate: '0',
    amount: '0.00',
    cost: '450.00',
    covered: true,
    draws: [hoursFrom('b1', '4'), hoursFrom('b2', '5')],
    labour: labour('onsite', '10'),
  }),
  posted({
    billingItemId: 'bi-te-3-2',
    sourceItemId: 'te-3',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR_OVERAGE',
    part: 'OVERAGE',
    contractId: 'blk',
    itemDate: '2026-11-03',
    quantity: '1',
    rate: '140',
    amount: '140.00',
    cost: '50.00',
    labour: { ...labour('onsite', '10'), rateSource: 'CONTRACT_OVERAGE_RATE' },
  }),
];

// ---- Recurring `rec`: November's period $150.00 (cost $20.00), and 4 h of remote work it covers (cost 4 × $50 = $200.00)
const recurring: ProfitEvent[] = [
  posted({
    billingItemId: 'bi-sp-1-1',
    sourceItemId: 'sp-1',
    sourceType: 'SERVICE_PERIOD',
    type: 'SERVICE_PERIOD',
    contractId: 'rec',
    itemDate: '2026-11-01',
    quantity: '3',
    rate: '50',
    amount: '150.00',
    cost: '20.00',
  }),
  posted({
    billingItemId: 'bi-te-5-1',
    sourceItemId: 'te-5',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    contractId: 'rec',
    itemDate: '2026-11-12',
    quantity: '4',
    rate: '0',
    amount: '0.00',
    cost: '200.00',
    covered: true,
    labour: labour('remote', '4'),
  }),
];

// ---- Globex: a $1,000 retainer `r1` on `ret`, 10 tickets × $75 `t1` on `tix`
const prepaidOfGlobex: ProfitEvent[] = [
  {
    type: 'RetainerPurchased',
    data: {
      contractId: 'ret',
      purchaseId: 'r1',
      sequence: 1,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      amount: '1000',
      purchasedAt: '2026-11-01T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  {
    type: 'TicketsPurchased',
    data: {
      contractId: 'tix',
      purchaseId: 't1',
      sequence: 1,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      tickets: 10,
      perTicketRate: '75',
      purchasedAt: '2026-11-01T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  // ch-1: 2 × $125 = $250.00 drawn from r1 (covered at face value), cost 2 × $90 = $180.00
  posted({
    billingItemId: 'bi-ch-1-1',
    sourceItemId: 'ch-1',
    accountId: 'globex',
    billToAccountId: 'globex',
    contractId: 'ret',
    itemDate: '2026-11-05',
    quantity: '2',
    rate: '0',
    amount: '0.00',
    cost: '180.00',
    covered: true,
    draws: [{ purchaseId: 'r1', kind: 'money', quantity: '250.00' }],
  }),
  // tk-1: one ticket of t1 (covered at $75.00); its 1.5 h of remote labour cost 1.5 × $50 = $75.00
  posted({
    billingItemId: 'bi-tk-1-1',
    sourceItemId: 'tk-1',
    sourceType: 'TICKET',
    type: 'TICKET',
    accountId: 'globex',
    billToAccountId: 'globex',
    contractId: 'tix',
    itemDate: '2026-11-06',
    quantity: '1',
    rate: '0',
    amount: '0.00',
    cost: '0.00',
    covered: true,
    draws: [{ purchaseId: 't1', kind: 'tickets', quantity: '1' }],
  }),
  posted({
    billingItemId: 'bi-te-6-1',
    sourceItemId: 'te-6',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    accountId: 'globex',
    billToAccountId: 'globex',
    contractId: 'tix',
    itemDate: '2026-11-06',
    quantity: '1.5',
    rate: '0',
    amount: '0.00',
    cost: '75.00',
    covered: true,
    labour: labour('remote', '1.5'),
  }),
];

describe('profitability read model (billing-rules §11)', () => {
  it('counts T&M labour at its posted amount, against hours worked × the role cost', async () => {
    // given: te-1 posted on T&M
    // then: revenue $330.00, cost $150.00, margin $180.00 (180 / 330 = 54.54…% → 54.5), 3 h
    const tm = fig({ revenue: '330.00', billed: '330.00', cost: '150.00', margin: '180.00', marginPercent: '54.5', hours: '3' });
    await given([te1]).then(report({ by: 'contract' }), {
      by: 'contract',
      from: null,
      to: null,
      rows: [{ id: 'tm', ...tm, months: [{ month: '2026-10', ...tm }] }],
      totals: tm,
      negativeMargin: [],
    });
  });

  it("counts block-covered hours at the purchase's hourly rate, keeps the purchases apart as prepaid, and splits months", async () => {
    // given: the blocks bought and posted, te-2 from b1, te-3 from b1 and b2 with 1 h overage
    // then: October: covered $720.00, prepaid $1,200.00, cost $300.00, margin 720 − 300 = $420.00 (58.33…% → 58.3), 6 h
    const october = fig({
      revenue: '720.00',
      covered: '720.00',
      prepaidBilled: '1200.00',
      cost: '300.00',
      margin: '420.00',
      marginPercent: '58.3',
      hours: '6',
    });
    // November: billed $140.00 + covered $1,105.00 = $1,245.00; prepaid $625.00; cost 450 + 50 = $500.00;
    // margin $745.00 (745 / 1245 = 59.83…% → 59.8); 9 + 1 = 10 h
    const november = fig({
      revenue: '1245.00',
      billed: '140.00',
      covered: '1105.00',
      prepaidBilled: '625.00',
      cost: '500.00',
      margin: '745.00',
      marginPercent: '59.8',
      hours: '10',
    });
    // both: revenue 720 + 1245 = $1,965.00; covered 720 + 1105 = $1,825.00, equal to the prepaid 1200 + 625 (both blocks
    // are used up); cost $800.00; margin $1,165.00 (1165 / 1965 = 59.28…% → 59.3); 16 h
    const both = fig({
      revenue: '1965.00',
      billed: '140.00',
      covered: '1825.00',
      prepaidBilled: '1825.00',
      cost: '800.00',
      margin: '1165.00',
      marginPercent: '59.3',
      hours: '16',
    });
    const db = await given(blocks).readModel();
    try {
      expect(profitabilityReport(db, { by: 'contract' })).toEqual({
        by: 'contract',
        from: null,
        to: null,
        rows: [
          {
            id: 'blk',
            ...both,
            months: [
              { month: '2026-10', ...october },
              { month: '2026-11', ...november },
            ],
          },
        ],
        totals: both,
        negativeMargin: [],
      });
      // and: from and to select by item date: November alone is November's figures
      expect(profitabilityReport(db, { by: 'contract', from: '2026-11-01', to: '2026-11-30' }).rows).toEqual([
        { id: 'blk', ...november, months: [{ month: '2026-11', ...november }] },
      ]);
      // and: by work type, the labour is onsite (October and November), the purchases have no work type (last)
      expect(profitabilityReport(db, { by: 'workType' }).rows.map((r) => [r.id, r.revenue, r.prepaidBilled, r.cost])).toEqual([
        ['onsite', '1965.00', '0.00', '800.00'],
        [null, '0.00', '1825.00', '0.00'],
      ]);
    } finally {
      db.close();
    }
  });

  it('takes an unposted item out again, leaving no row where nothing is left', async () => {
    // given: te-1 (October) and te-4 (November) posted, then te-4 unposted
    const db = await given([te1, te4, te4Unposted]).readModel();
    try {
      // then: only te-1's $330.00 / $150.00 in October
      const tm = fig({ revenue: '330.00', billed: '330.00', cost: '150.00', margin: '180.00', marginPercent: '54.5', hours: '3' });
      expect(profitabilityReport(db, { by: 'contract' }).rows).toEqual([{ id: 'tm', ...tm, months: [{ month: '2026-10', ...tm }] }]);
      // and: November has no rows in any dimension
      for (const by of ['account', 'contract', 'workType'] as const) expect(profitabilityReport(db, { by, from: '2026-11-01' }).rows).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('flags a contract whose margin is below zero, and any other row so', async () => {
    // given: te-1 on T&M, and the recurring contract's period and the work it covers
    const db = await given([te1, ...recurring]).readModel();
    try {
      // then: rec: revenue $150.00, cost 20 + 200 = $220.00, margin −$70.00 (−70 / 150 = −46.66…% → −46.7): flagged
      const byContract = profitabilityReport(db, { by: 'contract' });
      expect(byContract.rows.find((r) => r.id === 'rec')).toMatchObject({
        revenue: '150.00',
        cost: '220.00',
        margin: '-70.00',
        marginPercent: '-46.7',
        negativeMargin: true,
      });
      expect(byContract.rows.find((r) => r.id === 'tm')).toMatchObject({ margin: '180.00', negativeMargin: false });
      expect(byContract.negativeMargin).toEqual(['rec']);
      // and: the account as a whole: revenue 330 + 150 = $480.00, cost 150 + 220 = $370.00, margin $110.00: not flagged
      expect(profitabilityReport(db, { by: 'account' })).toMatchObject({
        rows: [{ id: 'acme', revenue: '480.00', cost: '370.00', margin: '110.00', marginPercent: '22.9', negativeMargin: false }],
        negativeMargin: [],
      });
      // and: by work type, remote (te-1 and te-5): 330 − (150 + 200) = −$20.00; the service period has no work type
      expect(profitabilityReport(db, { by: 'workType' })).toMatchObject({
        rows: [
          { id: 'remote', revenue: '330.00', cost: '350.00', margin: '-20.00', hours: '7', negativeMargin: true },
          { id: null, revenue: '150.00', cost: '20.00', margin: '130.00', hours: '0', negativeMargin: false },
        ],
        negativeMargin: ['remote'],
      });
    } finally {
      db.close();
    }
  });

  it('counts retainer money drawn at face value and a ticket at its per-ticket rate', async () => {
    // given: Globex's charge drawn from the retainer and a ticket with its covered labour
    const db = await given(prepaidOfGlobex).readModel();
    try {
      // then: ret: covered $250.00, cost $180.00, margin $70.00 (28.0%); tix: covered $75.00, cost $75.00, margin $0.00, not negative
      expect(profitabilityReport(db, { by: 'contract' }).rows.map(({ months: _months, ...row }) => row)).toEqual([
        { id: 'ret', ...fig({ revenue: '250.00', covered: '250.00', cost: '180.00', margin: '70.00', marginPercent: '28.0' }) },
        { id: 'tix', ...fig({ revenue: '75.00', covered: '75.00', cost: '75.00', margin: '0.00', marginPercent: '0.0', hours: '1.5' }) },
      ]);
    } finally {
      db.close();
    }
  });
});
