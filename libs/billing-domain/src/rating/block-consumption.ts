import type { Dec } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import { contractRoleRate } from './labour-rate';
import { decimalOf, ONE, ZERO } from './rating-decimals';
import type { ContractRatingSnapshot, IsoDate, RoleSnapshot } from './rating-inputs';
import { type DrawablePurchase, drawInOrder, type QuantityDraw, splitQuantity, usablePurchases } from './prepaid-balance';

/** The contract's block-hour multiplier for the role, else the role's default, else 1. */
export function blockHourMultiplier(contract: ContractRatingSnapshot, role: RoleSnapshot): Dec {
  const row = contract.roleRates?.find((r) => r.roleId === role.id);
  if (row?.blockHourMultiplier != null) {
    return decimalOf(row.blockHourMultiplier, `contract ${contract.id} block multiplier of role ${role.id}`);
  }
  if (role.blockHourMultiplier != null) return decimalOf(role.blockHourMultiplier, `role ${role.id} blockHourMultiplier`);
  return ONE;
}

export interface BlockConsumptionInput {
  hoursToBill: Dec;
  /** Block multiplier of the role × work-type multiplier (`multiply` modifiers only). */
  multiplier: Dec;
  dateWorked: IsoDate;
  /** Every block of the contract, with what is left at this point of the batch. */
  blocks: readonly DrawablePurchase[];
}

export interface BlockConsumption {
  /** Block hours the entry needs: `hoursToBill × multiplier`, exact. */
  blockHoursNeeded: Dec;
  draws: QuantityDraw[];
  /** Hours to bill of the entry that the draws pay for. */
  coveredHours: Dec;
  /** Hours to bill left for the overage part; `coveredHours + overageHours = hoursToBill`. */
  overageHours: Dec;
}

/**
 * Draws an entry's block hours (billing-rules §6): exact, oldest usable block first, each block to
 * zero at most. When the blocks fall short, covered hours = drawn ÷ multiplier rounded half-up to
 * 4 places, overage hours = hoursToBill − covered hours.
 */
export function consumeBlocks(input: BlockConsumptionInput): BlockConsumption {
  if (input.multiplier.isNegative() && !input.multiplier.isZero()) {
    throw new RuleViolation('block-multiplier', `block-hour multiplier must not be negative, got ${input.multiplier.toFixed()}`);
  }
  const blockHoursNeeded = input.hoursToBill.times(input.multiplier);
  const { draws, drawn, shortfall } = drawInOrder(usablePurchases(input.blocks, input.dateWorked), blockHoursNeeded);
  if (shortfall.isZero()) {
    return { blockHoursNeeded, draws, coveredHours: input.hoursToBill, overageHours: ZERO };
  }
  // A shortfall implies a multiplier above zero: nothing is needed when it is zero.
  const split = splitQuantity(input.hoursToBill, drawn.dividedBy(input.multiplier));
  return { blockHoursNeeded, draws, coveredHours: split.covered, overageHours: split.overage };
}

export type BlockOverageRateSource = 'CONTRACT_OVERAGE_RATE' | 'CONTRACT_ROLE_RATE' | 'ROLE_RATE';

export interface BlockOverageRate {
  rate: Dec;
  source: BlockOverageRateSource;
}

/**
 * The hourly rate of block overage: the contract's overage rate, else its rate for the role, else
 * the role's hourly rate; times the block multiplier only when `multiplyOverage` is on; never the
 * work-type modifier.
 */
export function blockOverageRate(contract: ContractRatingSnapshot, role: RoleSnapshot, multiplyOverage: boolean): BlockOverageRate {
  const base = chooseOverageBase(contract, role);
  return multiplyOverage ? { ...base, rate: base.rate.times(blockHourMultiplier(contract, role)) } : base;
}

function chooseOverageBase(contract: ContractRatingSnapshot, role: RoleSnapshot): BlockOverageRate {
  if (contract.overageRate != null) {
    return { rate: decimalOf(contract.overageRate, `contract ${contract.id} overageRate`), source: 'CONTRACT_OVERAGE_RATE' };
  }
  const contractRate = contractRoleRate(contract, role.id);
  if (contractRate !== null) return { rate: contractRate, source: 'CONTRACT_ROLE_RATE' };
  return { rate: decimalOf(role.hourlyRate, `role ${role.id} hourlyRate`), source: 'ROLE_RATE' };
}
