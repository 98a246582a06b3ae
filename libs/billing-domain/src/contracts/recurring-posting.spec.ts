import { ratePostingBatch } from '../rating/rate-posting-batch';
import { batch } from '../rating/rating-fixtures.spec-helper';
import type { BillToTaxContext } from '../rating/rating-inputs';
import { replay } from '../shared/decider';
import { contractTerms } from '../testing/fixtures';
import { contractDecider } from './contract.decider';
import type { ContractEvent, ExistingContract } from './contract.events';
import { ratingSnapshotOf } from './rating-snapshot';
import { recurringItemToPost } from './recurring-posting';

// given: a monthly contract with 40 desktops at $30 (cost $12), its setup fee, April accrued, and −3 units from 2026-04-21
const history: ContractEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', setupFee: '500' }) },
  {
    type: 'ServiceAdded',
    data: { contractId: 'rec', serviceId: 'desk', name: 'Managed desktop', units: '40', unitPrice: '30', unitCost: '12', billingCodeId: 'svc' },
  },
];
const contract = (() => {
  let state = replay(contractDecider, history);
  for (const command of [
    { type: 'AccrueRecurring' as const, contractId: 'rec', through: '2026-04-01' },
    { type: 'ChangeServiceUnits' as const, contractId: 'rec', serviceId: 'desk', units: '37', effectiveDate: '2026-04-21', source: null },
  ])
    state = contractDecider.decide(command, state).reduce(contractDecider.evolve, state);
  return state as ExistingContract;
})();

const taxed: BillToTaxContext = { taxExempt: false, region: { id: 'ny', ratesByCategory: { services: [{ name: 'NY', rate: '0.1', compound: false }] } } };

describe('accrued items as Approve & Post rates them (billing-rules §7)', () => {
  it('a service period: units × unitPrice on its first day, cost units × unitCost, taxed by its category', () => {
    const toPost = recurringItemToPost(contract, 'svc:rec:desk:2026-04-01')!;
    expect(toPost).toEqual({
      pending: {
        kind: 'SERVICE_PERIOD',
        id: 'svc:rec:desk:2026-04-01',
        contractId: 'rec',
        itemDate: '2026-04-01',
        quantity: '40',
        rate: '30',
        amount: '1200.00',
        cost: '480.00',
      },
      description: 'Managed desktop: 40 × 30, 2026-04-01 to 2026-04-30',
      serviceId: 'desk',
    });
    // when: posted with the tax category of its billing code (10%)
    const { items } = ratePostingBatch(batch([{ ...toPost.pending, taxCategoryId: 'services' }], { contracts: [ratingSnapshotOf(contract)], billTo: taxed }));
    // then: 1,200.00, tax 120.00, cost 480.00
    expect(items).toEqual([
      expect.objectContaining({
        type: 'SERVICE_PERIOD',
        part: 'WHOLE',
        quantity: '40',
        rate: '30',
        amount: '1200.00',
        tax: '120.00',
        cost: '480.00',
        covered: false,
      }),
    ]);
  });

  it('an adjustment posts its prorated amount, negative for fewer units, with its tax', () => {
    // −3 units for 21..30 April (10 of 30 days): −3 × 30 × 10 / 30 = −30.00, cost −3 × 12 × 10 / 30 = −12.00
    const toPost = recurringItemToPost(contract, 'svcadj:rec:desk:2026-04-01:1')!;
    expect(toPost.description).toBe('Managed desktop: -3 units × 30 from 2026-04-21 to 2026-04-30 (10 of 30 days)');
    const { items } = ratePostingBatch(batch([{ ...toPost.pending, taxCategoryId: 'services' }], { contracts: [ratingSnapshotOf(contract)], billTo: taxed }));
    expect(items).toEqual([
      expect.objectContaining({
        type: 'SERVICE_ADJUSTMENT',
        itemDate: '2026-04-21',
        quantity: '-3',
        rate: '30',
        amount: '-30.00',
        tax: '-3.00',
        cost: '-12.00',
      }),
    ]);
  });

  it('the setup fee: one item on the start date, no cost; an id the contract does not have is undefined', () => {
    const toPost = recurringItemToPost(contract, 'setup:rec')!;
    expect(toPost.pending).toEqual({
      kind: 'SETUP_FEE',
      id: 'setup:rec',
      contractId: 'rec',
      itemDate: '2026-01-01',
      quantity: '1',
      rate: '500.00',
      amount: '500.00',
      cost: '0',
    });
    const { items } = ratePostingBatch(batch([toPost.pending], { contracts: [ratingSnapshotOf(contract)] }));
    expect(items).toEqual([expect.objectContaining({ type: 'SETUP_FEE', amount: '500.00', tax: '0.00', cost: '0.00' })]);
    expect(recurringItemToPost(contract, 'svc:rec:desk:2027-01-01')).toBeUndefined();
  });

  it('a service item on a contract of another type is refused', () => {
    const toPost = recurringItemToPost(contract, 'svc:rec:desk:2026-04-01')!;
    expect(() => ratePostingBatch(batch([toPost.pending], { contracts: [{ id: 'rec', type: 'TIME_AND_MATERIALS' }] }))).toThrow(
      /needs a RECURRING_SERVICE contract/,
    );
  });
});
