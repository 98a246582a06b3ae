import type { Dec } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import { decimalOf, hoursOf, nonNegative, ONE } from './rating-decimals';
import type { ContractType } from '../contracts/contract.events';
import type { ContractRatingSnapshot, ItemOverride, RateModifier, RoleSnapshot } from './rating-inputs';

export type BaseRateSource = 'CONTRACT_ROLE_RATE' | 'ROLE_RATE';

export interface BaseRate {
  rate: Dec;
  source: BaseRateSource;
}

/** The contract's "Rates & Multipliers" hourly rate for a role, if it sets one. */
export function contractRoleRate(contract: ContractRatingSnapshot | null, roleId: string): Dec | null {
  const row = contract?.roleRates?.find((r) => r.roleId === roleId);
  return row?.hourlyRate == null ? null : decimalOf(row.hourlyRate, `contract ${contract?.id} rate of role ${roleId}`);
}

/** Whether labour on this type of contract is rated from the contract's role rates (billing-rules §5). */
export function usesContractRoleRates(type: ContractType | null): boolean {
  switch (type) {
    case 'TIME_AND_MATERIALS':
    case 'RETAINER':
    case 'FIXED_PRICE':
    case 'BLOCK_HOURS': // its rate table prices the overage
      return true;
    case 'PER_TICKET':
    case 'RECURRING_SERVICE':
    case null:
      return false;
    default: {
      const unknown: never = type;
      throw new RuleViolation('contract-type', `unknown contract type ${String(unknown)}`);
    }
  }
}

/** `baseRate`: the contract's rate for the role where the contract type has one, else the role's hourly rate. */
export function baseLabourRate(contract: ContractRatingSnapshot | null, role: RoleSnapshot): BaseRate {
  const contractRate = usesContractRoleRates(contract?.type ?? null) ? contractRoleRate(contract, role.id) : null;
  return contractRate !== null
    ? { rate: contractRate, source: 'CONTRACT_ROLE_RATE' }
    : { rate: decimalOf(role.hourlyRate, `role ${role.id} hourlyRate`), source: 'ROLE_RATE' };
}

/** The hourly rate after the work-type modifier; for `flat`, the flat value (shown as the rate). */
export function applyRateModifier(baseRate: Dec, modifier: RateModifier): Dec {
  switch (modifier.kind) {
    case 'none':
      return baseRate;
    case 'add':
      return baseRate.plus(decimalOf(modifier.value, 'modifier value'));
    case 'multiply':
      return baseRate.times(decimalOf(modifier.value, 'modifier value'));
    case 'custom':
    case 'flat':
      return decimalOf(modifier.value, 'modifier value');
    default: {
      const unknown: never = modifier;
      throw new RuleViolation('rate-modifier', `unknown rate modifier ${JSON.stringify(unknown)}`);
    }
  }
}

/** The block-hour draw factor of a work type: its value for `multiply`, else 1 (billing-rules §6). */
export function workTypeBlockMultiplier(modifier: RateModifier): Dec {
  return modifier.kind === 'multiply' ? decimalOf(modifier.value, 'modifier value') : ONE;
}

export interface RatedLabour {
  rate: Dec;
  /** Unrounded: rounding happens once the posted item is finished. */
  amount: Dec;
}

/** `amount = rate × hoursToBill`, except `flat`, where `amount = value` whatever the hours. */
export function rateLabour(baseRate: Dec, modifier: RateModifier, hoursToBill: Dec): RatedLabour {
  const rate = applyRateModifier(baseRate, modifier);
  return { rate, amount: modifier.kind === 'flat' ? rate : rate.times(hoursToBill) };
}

export interface HoursAfterOverride {
  hoursToBill: Dec;
  /** The computed hours, when the approver replaced them. */
  originalHoursToBill: Dec | null;
}

export function overrideHoursToBill(computed: Dec, override: ItemOverride | undefined): HoursAfterOverride {
  if (override?.hoursToBill === undefined) return { hoursToBill: computed, originalHoursToBill: null };
  const hours = nonNegative(hoursOf(override.hoursToBill, 'override hoursToBill'), 'override hoursToBill');
  return { hoursToBill: hours, originalHoursToBill: computed };
}

export interface PriceAfterOverride {
  rate: Dec;
  amount: Dec;
  originalRate: Dec | null;
  originalAmount: Dec | null;
}

/**
 * The approver's hourly rate gives `amount = rate × hours` (also for a flat work type: an hourly
 * rate is per hour); the approver's amount wins over both.
 */
export function overrideRateAndAmount(rated: RatedLabour, quantity: Dec, override: ItemOverride | undefined): PriceAfterOverride {
  let { rate, amount } = rated;
  let originalRate: Dec | null = null;
  let originalAmount: Dec | null = null;
  if (override?.hourlyRate !== undefined) {
    originalRate = rate;
    rate = nonNegative(decimalOf(override.hourlyRate, 'override hourlyRate'), 'override hourlyRate');
    amount = rate.times(quantity);
  }
  if (override?.amount !== undefined) {
    originalAmount = amount;
    amount = nonNegative(decimalOf(override.amount, 'override amount'), 'override amount');
  }
  return { rate, amount, originalRate, originalAmount };
}

export function hasPriceOverride(override: ItemOverride | undefined): boolean {
  return override?.hourlyRate !== undefined || override?.amount !== undefined;
}
