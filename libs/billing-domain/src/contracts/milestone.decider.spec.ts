import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { contractTerms } from '../testing/fixtures';
import { contractDecider, type ContractCommand } from './contract.decider';
import type { ContractEvent, ContractTerms, ExistingContract } from './contract.events';
import type { ContractMilestone } from './milestone.events';
import { milestoneToPost } from './milestone-posting';

const contracts = deciderSpec(contractDecider);

/** Fixed Price contract `fp` of acme, 2026-01-01 to 2026-12-31. */
const created = (overrides: Partial<ContractTerms> = {}): ContractEvent => ({
  type: 'ContractCreated',
  data: contractTerms({ contractId: 'fp', name: 'Website rebuild', type: 'FIXED_PRICE', ...overrides }),
});
const milestone = (overrides: Partial<ContractMilestone> = {}): ContractMilestone => ({
  milestoneId: 'm1',
  title: 'Design signed off',
  amount: '5000',
  dueDate: '2026-03-31',
  billingCodeId: 'ms',
  ...overrides,
});
const add = (overrides: Partial<ContractMilestone> = {}, billingCodeIds = ['ms']): ContractCommand => ({
  type: 'AddMilestone',
  contractId: 'fp',
  milestone: milestone(overrides),
  references: { billingCodeIds },
});
const added = (overrides: Partial<ContractMilestone> = {}): ContractEvent => ({ type: 'MilestoneAdded', data: { contractId: 'fp', ...milestone(overrides) } });
const ready = (milestoneId = 'm1'): ContractCommand => ({ type: 'MarkMilestoneReady', contractId: 'fp', milestoneId });
const readied: ContractEvent = { type: 'MilestoneReadyToBill', data: { contractId: 'fp', milestoneId: 'm1', amount: '5000', dueDate: '2026-03-31' } };

describe('milestones (billing-rules §3, §7: Fixed Price bills milestones when ready to bill and due)', () => {
  describe('add', () => {
    it('adds a milestone with its amount in canonical form; the same again decides nothing, other details are 409', () => {
      contracts
        .given([created()])
        .when(add({ amount: '5000.00' }))
        .then([added()]);
      contracts
        .given([created(), added()])
        .when(add({ amount: '5000.0000' }))
        .then([]);
      for (const other of [{ amount: '5000.01' }, { title: 'Design approved' }, { dueDate: '2026-04-01' }, { billingCodeId: null }])
        contracts.given([created(), added()]).when(add(other)).then(conflict('id-reused'));
    });

    it('only on a Fixed Price contract', () => {
      contracts
        .given([created({ type: 'TIME_AND_MATERIALS' })])
        .when(add())
        .then(rule('milestone-not-for-contract-type').withMessage(/fp is TIME_AND_MATERIALS/));
    });

    it('due inside the contract, both ends counted', () => {
      contracts
        .given([created()])
        .when(add({ dueDate: '2027-01-01' }))
        .then(rule('milestone-outside-contract'));
      contracts
        .given([created()])
        .when(add({ dueDate: '2025-12-31' }))
        .then(rule('milestone-outside-contract'));
      contracts
        .given([created()])
        .when(add({ dueDate: '2026-12-31' }))
        .then([added({ dueDate: '2026-12-31' })]);
    });

    it('an amount above 0 and at most 999999999999.99, up to 4 places (invalid-decimal)', () => {
      for (const amount of ['0', '-1', '1000000000000', '1.00001']) contracts.given([created()]).when(add({ amount })).then(rule('invalid-decimal'));
      contracts
        .given([created()])
        .when(add({ amount: '999999999999.99' }))
        .then([added({ amount: '999999999999.99' })]);
    });

    it('its billing code must exist; one without a code needs none; an unknown contract is 404', () => {
      contracts.given([created()]).when(add({}, [])).then(notFound('billing code', 'ms'));
      contracts
        .given([created()])
        .when(add({ billingCodeId: null }, []))
        .then([added({ billingCodeId: null })]);
      contracts.given([]).when(add()).then(notFound('contract', 'fp'));
    });
  });

  describe('ready to bill', () => {
    it('marks a milestone ready with the amount and due date it bills; marking it again decides nothing', () => {
      contracts.given([created(), added()]).when(ready()).then([readied]);
      contracts.given([created(), added(), readied]).when(ready()).then([]);
    });

    it('an unknown milestone or contract is 404', () => {
      contracts.given([created(), added()]).when(ready('m2')).then(notFound('milestone', 'm2'));
      contracts.given([]).when(ready()).then(notFound('contract', 'fp'));
    });
  });

  describe('a shorter contract keeps its milestones', () => {
    const shorten = (endDate: string): ContractCommand => ({
      type: 'ChangeContractTerms',
      contractId: 'fp',
      changes: { endDate },
      references: { accounts: { acme: { parentAccountId: null } } },
    });

    it('an end date before a milestone is due is refused (end-date-before-milestone); on its due date it is not', () => {
      contracts
        .given([created(), added({ dueDate: '2026-09-30' })])
        .when(shorten('2026-09-29'))
        .then(rule('end-date-before-milestone').withMessage(/m1, due 2026-09-30/));
      contracts
        .given([created(), added({ dueDate: '2026-09-30' })])
        .when(shorten('2026-09-30'))
        .then([{ type: 'ContractTermsChanged', data: { contractId: 'fp', endDate: '2026-09-30' } }]);
    });
  });

  describe('milestoneToPost', () => {
    const contract = (events: ContractEvent[]) => contracts.given(events).state() as ExistingContract;

    it('a ready milestone is its amount, dated its due date, with its title and billing code', () => {
      expect(milestoneToPost(contract([created(), added(), readied]), 'm1')).toEqual({
        pending: { kind: 'MILESTONE', id: 'm1', contractId: 'fp', itemDate: '2026-03-31', amount: '5000' },
        description: 'Milestone: Design signed off',
        billingCodeId: 'ms',
      });
    });

    it('one not ready is refused (milestone-not-ready); one the contract does not have is undefined', () => {
      expect(() => milestoneToPost(contract([created(), added()]), 'm1')).toThrow(expect.objectContaining({ rule: 'milestone-not-ready' }));
      expect(milestoneToPost(contract([created(), added(), readied]), 'm2')).toBeUndefined();
    });
  });
});
