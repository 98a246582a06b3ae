import { ratePostingBatch } from './rate-posting-batch';
import type { BillToTaxContext, ContractRatingSnapshot, PendingItem } from './rating-inputs';
import { batch, block, labour } from './rating-fixtures.spec-helper';

/**
 * billing-rules §10: tax per item at posting, the bill-to account's region × the item's tax
 * category, compound taxes, exempt accounts, half-up to cents per item, for every type of item.
 * Quebec-style rates on category `cat`: GST 5% and QST 9.975% compounded on amount + GST, so
 * tax = a × 0.05 + a × 1.05 × 0.09975 = a × 0.1547375.
 */
const quebec: BillToTaxContext = {
  taxExempt: false,
  region: {
    id: 'qc',
    ratesByCategory: {
      cat: [
        { name: 'QST', rate: '0.09975', compound: true },
        { name: 'GST', rate: '0.05', compound: false },
      ],
    },
  },
};
const exempt: BillToTaxContext = { ...quebec, taxExempt: true };

const contracts: ContractRatingSnapshot[] = [
  { id: 'tm', type: 'TIME_AND_MATERIALS' },
  // half an hour left: 2 h of labour is 0.5 covered, 1.5 overage at $120
  { id: 'blk', type: 'BLOCK_HOURS', overageRate: '120', blockPurchases: [block('b0', { hours: '0.5', remaining: '0.5' })] },
  { id: 'ret', type: 'RETAINER' },
  { id: 'pt', type: 'PER_TICKET', overageRate: '60' },
  { id: 'rec', type: 'RECURRING_SERVICE' },
  { id: 'fp', type: 'FIXED_PRICE' },
];

const cat = { taxCategoryId: 'cat' };
const date = { itemDate: '2026-03-02' };

/** [item, the posted parts as [type, amount, tax]], the tax worked out as amount × 0.1547375, half-up. */
const cases: [string, PendingItem, [string, string, string][]][] = [
  // the work type `remote` is in category `services`: the region does not tax it
  ['labour of an untaxed work type', labour('te-0', { contractId: 'tm', hoursWorked: '2' }), [['LABOR', '200.00', '0.00']]],
  // 2 h × $100 = 200.00; 200 × 0.1547375 = 30.9475 → 30.95
  ['labour', labour('te-1', { contractId: 'tm', hoursWorked: '2', workTypeId: 'taxed' }), [['LABOR', '200.00', '30.95']]],
  // covered part 0.00 → 0.00; overage 1.5 h × $120 = 180.00 → 27.85275 → 27.85
  [
    'labour split by a short block',
    labour('te-2', { contractId: 'blk', hoursWorked: '2', workTypeId: 'taxed' }),
    [
      ['LABOR', '0.00', '0.00'],
      ['LABOR_OVERAGE', '180.00', '27.85'],
    ],
  ],
  // 3 × 33.33 = 99.99 → 15.472202625 → 15.47
  [
    'a charge',
    { kind: 'CHARGE', id: 'ch-1', contractId: null, ...date, quantity: '3', unitPrice: '33.33', unitCost: '0', billable: true, ...cat },
    [['CHARGE', '99.99', '15.47']],
  ],
  // 42.80 → 6.622765 → 6.62
  ['an expense', { kind: 'EXPENSE', id: 'ex-1', contractId: null, ...date, amount: '42.80', billable: true, ...cat }, [['EXPENSE', '42.80', '6.62']]],
  // 10 h × $100 = 1,000.00 → 154.7375 → 154.74
  [
    'a block purchase',
    { kind: 'BLOCK_PURCHASE', id: 'b-1', contractId: 'blk', ...date, hours: '10', hourlyRate: '100', ...cat },
    [['BLOCK_PURCHASE', '1000.00', '154.74']],
  ],
  // 500.00 → 77.36875 → 77.37
  [
    'a retainer purchase',
    { kind: 'RETAINER_PURCHASE', id: 'r-1', contractId: 'ret', ...date, amount: '500', ...cat },
    [['RETAINER_PURCHASE', '500.00', '77.37']],
  ],
  // 5 × $75 = 375.00 → 58.0265625 → 58.03
  [
    'a ticket purchase',
    { kind: 'TICKET_PURCHASE', id: 't-1', contractId: 'pt', ...date, tickets: 5, perTicketRate: '75', ...cat },
    [['TICKET_PURCHASE', '375.00', '58.03']],
  ],
  // no ticket left: the overage rate, 60.00 → 9.28425 → 9.28
  ['a ticket at the overage rate', { kind: 'TICKET', id: 'ticket:1', contractId: 'pt', ...date, labour: [], ...cat }, [['TICKET', '60.00', '9.28']]],
  // 40 × 31.99 = 1,279.60 → 198.002105 → 198.00
  [
    'a service period',
    { kind: 'SERVICE_PERIOD', id: 'svc:rec:d:2026-03-01', contractId: 'rec', ...date, quantity: '40', rate: '31.99', amount: '1279.60', cost: '0', ...cat },
    [['SERVICE_PERIOD', '1279.60', '198.00']],
  ],
  // fewer units: −64.25 → −9.941884375 → −9.94 (a credit carries its tax back)
  [
    'a service adjustment (a credit)',
    {
      kind: 'SERVICE_ADJUSTMENT',
      id: 'svcadj:rec:d:2026-03-01:1',
      contractId: 'rec',
      ...date,
      quantity: '-2',
      rate: '31.99',
      amount: '-64.25',
      cost: '0',
      ...cat,
    },
    [['SERVICE_ADJUSTMENT', '-64.25', '-9.94']],
  ],
  // 500.00 → 77.37
  [
    'a setup fee',
    { kind: 'SETUP_FEE', id: 'setup:rec', contractId: 'rec', ...date, quantity: '1', rate: '500', amount: '500', cost: '0', ...cat },
    [['SETUP_FEE', '500.00', '77.37']],
  ],
  // 5,000.00 → 773.6875 → 773.69
  ['a milestone', { kind: 'MILESTONE', id: 'm-1', contractId: 'fp', itemDate: '2026-03-31', amount: '5000', ...cat }, [['MILESTONE', '5000.00', '773.69']]],
];

const rate = (item: PendingItem, billTo: BillToTaxContext) => {
  const input = batch([item], { contracts, billTo });
  const taxedWorkType = { id: 'taxed', billable: true, taxCategoryId: 'cat', modifier: { kind: 'none' as const } };
  return ratePostingBatch({ ...input, catalog: { ...input.catalog, workTypes: [...input.catalog.workTypes, taxedWorkType] } }).items;
};

describe('tax per item, for every type of item (billing-rules §10)', () => {
  it.each(cases)('%s: the region × its category, compound on top, half-up per item', (_, item, expected) => {
    expect(rate(item, quebec).map((p) => [p.type, p.amount, p.tax])).toEqual(expected);
  });

  it.each(cases)('%s: nothing for a tax-exempt bill-to account', (_, item, expected) => {
    expect(rate(item, exempt).map((p) => [p.type, p.amount, p.tax])).toEqual(expected.map(([type, amount]) => [type, amount, '0.00']));
  });

  it.each(cases)('%s: nothing when the bill-to account has no region', (_, item, expected) => {
    expect(rate(item, { taxExempt: false, region: null }).map((p) => p.tax)).toEqual(expected.map(() => '0.00'));
  });
});
