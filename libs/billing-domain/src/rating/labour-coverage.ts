import type { ContractType } from '../contracts/contract.events';
import { RuleViolation } from '../shared/domain-errors';

/**
 * How billable labour on a contract is paid (billing-rules §3, §5, §6): `billed` at its rate
 * (Time & Materials, or no contract), prepaid from the contract's purchases with overage beyond
 * them, as hours (`prepaid-hours`: Block Hours) or as money (`prepaid-money`: Retainer), or
 * `covered` by the contract's price (Recurring Service, Per Ticket, Fixed Price).
 */
export type LabourCoverage = 'billed' | 'prepaid-hours' | 'prepaid-money' | 'covered';

export function labourCoverage(contractType: ContractType | null): LabourCoverage {
  switch (contractType) {
    case null:
    case 'TIME_AND_MATERIALS':
      return 'billed';
    case 'BLOCK_HOURS':
      return 'prepaid-hours';
    case 'RETAINER':
      return 'prepaid-money';
    case 'RECURRING_SERVICE':
    case 'PER_TICKET':
    case 'FIXED_PRICE':
      return 'covered';
    default: {
      const unknown: never = contractType;
      throw new RuleViolation('contract-type', `unknown contract type ${String(unknown)}`);
    }
  }
}
