import { deciderSpec } from '../testing/decider-spec';
import { contractTerms } from '../testing/fixtures';
import { renewedEndDate } from './contract-renewal';
import { contractDecider, type ContractCommand } from './contract.decider';
import type { ContractEvent, ContractTerms, PeriodType } from './contract.events';

const contracts = deciderSpec(contractDecider);

/** Monthly Recurring Service `rec`, 2026-01-01 to 2026-06-30, one service of 10 units at $50. */
const created = (overrides: Partial<ContractTerms> = {}): ContractEvent => ({
  type: 'ContractCreated',
  data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', endDate: '2026-06-30', ...overrides }),
});
const added: ContractEvent = {
  type: 'ServiceAdded',
  data: { contractId: 'rec', serviceId: 'desk', name: 'Desktops', units: '10', unitPrice: '50', unitCost: '0', billingCodeId: null },
};
const accrue = (through: string): ContractCommand => ({ type: 'AccrueRecurring', contractId: 'rec', through });
const change = (changes: Extract<ContractCommand, { type: 'ChangeContractTerms' }>['changes']): ContractCommand => ({
  type: 'ChangeContractTerms',
  contractId: 'rec',
  changes,
  references: { accounts: { acme: { parentAccountId: null } } },
});
const renewed = (previousEndDate: string, newEndDate: string, period: PeriodType = 'YEARLY'): ContractEvent => ({
  type: 'ContractRenewed',
  data: { contractId: 'rec', previousEndDate, newEndDate, period },
});
const month = (start: string, end: string): ContractEvent => ({
  type: 'ServicePeriodAccrued',
  data: {
    contractId: 'rec',
    serviceId: 'desk',
    itemId: `svc:rec:desk:${start}`,
    periodStart: start,
    periodEnd: end,
    units: '10',
    unitPrice: '50',
    unitCost: '0',
    amount: '500.00',
    cost: '0.00',
  },
});
/** January to June 2026, accrued. */
const firstTerm = [
  month('2026-01-01', '2026-01-31'),
  month('2026-02-01', '2026-02-28'),
  month('2026-03-01', '2026-03-31'),
  month('2026-04-01', '2026-04-30'),
  month('2026-05-01', '2026-05-31'),
  month('2026-06-01', '2026-06-30'),
];

describe('contract renewal (billing-rules §7)', () => {
  describe('renewedEndDate: the next term starts the day after the end and lasts one period', () => {
    it.each<[string, PeriodType, string]>([
      ['2026-06-30', 'YEARLY', '2027-06-30'],
      ['2026-06-30', 'MONTHLY', '2026-07-31'],
      ['2026-02-28', 'MONTHLY', '2026-03-31'], // 1 March + 1 month − 1 day, not 28 March
      ['2026-03-31', 'QUARTERLY', '2026-06-30'],
      ['2026-12-31', 'SEMI_ANNUAL', '2027-06-30'],
      ['2027-02-28', 'YEARLY', '2028-02-29'], // the next term runs 1 March 2027 to the day before 1 March 2028
    ])('%s renewed %s ends %s', (endDate, period, expected) => {
      expect(renewedEndDate(endDate, period)).toBe(expected);
    });
  });

  describe('by hand: a later end date is ContractExtended', () => {
    it('names the end date it replaces; an earlier one is still ContractTermsChanged', () => {
      contracts
        .given([created()])
        .when(change({ endDate: '2026-12-31' }))
        .then([{ type: 'ContractExtended', data: { contractId: 'rec', previousEndDate: '2026-06-30', newEndDate: '2026-12-31' } }]);
      contracts
        .given([created()])
        .when(change({ endDate: '2026-05-31' }))
        .then([{ type: 'ContractTermsChanged', data: { contractId: 'rec', endDate: '2026-05-31' } }]);
      const after = contracts
        .given([created()])
        .when(change({ endDate: '2026-12-31' }))
        .stateAfter();
      expect(after).toMatchObject({ terms: { endDate: '2026-12-31' } });
    });
  });

  describe('automatically, when accrual runs past the end', () => {
    it('the renewal period is a term set at create or changed later; null stops it', () => {
      contracts
        .given([created()])
        .when(change({ renewalPeriod: 'YEARLY' }))
        .then([{ type: 'ContractTermsChanged', data: { contractId: 'rec', renewalPeriod: 'YEARLY' } }]);
      contracts
        .given([created({ renewalPeriod: 'YEARLY' })])
        .when(change({ renewalPeriod: null }))
        .then([{ type: 'ContractTermsChanged', data: { contractId: 'rec', renewalPeriod: null } }]);
      contracts
        .given([created({ renewalPeriod: 'YEARLY' })])
        .when(change({ renewalPeriod: 'YEARLY' }))
        .then([]);
    });

    it('a monthly contract ending 30 June, renewing yearly, accrued through 15 September: renewed to 30 June 2027, July to September accrued', () => {
      contracts
        .given([created({ renewalPeriod: 'YEARLY' }), added, ...firstTerm])
        .when(accrue('2026-09-15'))
        .then([renewed('2026-06-30', '2027-06-30'), month('2026-07-01', '2026-07-31'), month('2026-08-01', '2026-08-31'), month('2026-09-01', '2026-09-30')]);
    });

    it('renews as many times as it takes to cover `through`, each renewal an event', () => {
      const quarterly = (previous: string, next: string) => renewed(previous, next, 'QUARTERLY');
      // 30 June → 30 September → 31 December → 31 March 2027 (covers 15 January 2027)
      const events = contracts
        .given([created({ renewalPeriod: 'QUARTERLY' })])
        .when(accrue('2027-01-15'))
        .events();
      expect(events.filter((e) => e.type === 'ContractRenewed')).toEqual([
        quarterly('2026-06-30', '2026-09-30'),
        quarterly('2026-09-30', '2026-12-31'),
        quarterly('2026-12-31', '2027-03-31'),
      ]);
    });

    it('not while the end date covers `through` (on the end date itself), nor once renewed: accruing again decides nothing', () => {
      contracts
        .given([created({ renewalPeriod: 'YEARLY' }), added, ...firstTerm])
        .when(accrue('2026-06-30'))
        .then([]);
      contracts
        .given([created({ renewalPeriod: 'YEARLY' }), added, ...firstTerm, renewed('2026-06-30', '2027-06-30'), month('2026-07-01', '2026-07-31')])
        .when(accrue('2026-07-15'))
        .then([]);
    });

    it('not without a renewal period, nor when inactive', () => {
      contracts
        .given([created(), added, ...firstTerm])
        .when(accrue('2026-09-15'))
        .then([]);
      contracts
        .given([created({ renewalPeriod: 'YEARLY' }), added, ...firstTerm, { type: 'ContractTermsChanged', data: { contractId: 'rec', status: 'INACTIVE' } }])
        .when(accrue('2026-09-15'))
        .then([]);
    });

    it('any type of contract renews (a block-hours contract has nothing to accrue)', () => {
      contracts
        .given([created({ type: 'BLOCK_HOURS', periodType: null, renewalPeriod: 'SEMI_ANNUAL' })])
        .when(accrue('2026-07-01'))
        .then([renewed('2026-06-30', '2026-12-31', 'SEMI_ANNUAL')]);
    });

    it('never past 20 years from the start: the renewal that would is not made', () => {
      // start 2026-01-01: the latest end is 2046-01-01; 2045-06-30 + 1 year = 2046-06-30 is past it
      contracts
        .given([created({ type: 'BLOCK_HOURS', periodType: null, endDate: '2045-06-30', renewalPeriod: 'YEARLY' })])
        .when(accrue('2045-07-01'))
        .then([]);
      contracts
        .given([created({ type: 'BLOCK_HOURS', periodType: null, endDate: '2044-12-31', renewalPeriod: 'YEARLY' })])
        .when(accrue('2046-03-01'))
        .then([renewed('2044-12-31', '2045-12-31')]);
    });
  });
});
