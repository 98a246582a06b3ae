import { CONTRACT_TYPES, type ContractType } from '../contracts/contract.events';
import { RuleViolation } from '../shared/domain-errors';
import { labourCoverage, type LabourCoverage } from './labour-coverage';

/** billing-rules §3 (the "labour" column), §5 and §6: how billable labour on each kind of contract is paid. */
const TABLE: [ContractType | null, LabourCoverage, string][] = [
  [null, 'billed', 'no contract: billed after the work at the role rate (§5)'],
  ['TIME_AND_MATERIALS', 'billed', 'billable at the contract role rate, else the role rate, after the work (§3)'],
  ['BLOCK_HOURS', 'prepaid-hours', 'hours taken from prepaid blocks; overage billed after the work (§3, §6)'],
  ['RETAINER', 'prepaid-money', 'the amount taken from prepaid money; overage billed after the work (§3, §6)'],
  ['PER_TICKET', 'covered', 'covered: a completed ticket uses a ticket (§3)'],
  ['RECURRING_SERVICE', 'covered', 'covered by units × unit price per period (§3)'],
  ['FIXED_PRICE', 'covered', 'covered: the customer pays milestones (§3)'],
];

describe('labourCoverage (billing-rules §3, §5, §6)', () => {
  it.each(TABLE)('given a contract of type %s, then labour is %s: %s', (type, coverage) => {
    expect(labourCoverage(type)).toBe(coverage);
  });

  it('given the table above, then it names every contract type, and no contract', () => {
    expect(TABLE.map(([type]) => type).sort()).toEqual([...CONTRACT_TYPES, null].sort());
  });

  it('given a type it does not know, then contract-type', () => {
    expect(() => labourCoverage('BARTER' as ContractType)).toThrow(RuleViolation);
    expect(() => labourCoverage('BARTER' as ContractType)).toThrow(expect.objectContaining({ rule: 'contract-type' }));
  });
});
