import { type Dec, roundMoney } from '../shared/decimal';
import { ZERO } from './rating-decimals';

/** Labour cost (billing-rules §5): hours worked × the role's hourly cost, rounded to cents per item. */
export function labourCost(hoursWorked: Dec, hourlyCost: Dec): Dec {
  return roundMoney(hoursWorked.times(hourlyCost));
}

/** Charge cost: quantity × unit cost, rounded to cents per item. */
export function chargeCost(quantity: Dec, unitCost: Dec): Dec {
  return roundMoney(quantity.times(unitCost));
}

export interface ApportionedCost {
  covered: Dec;
  overage: Dec;
}

/**
 * Shares an item's (rounded) cost between the parts of a split in proportion to their quantity:
 * the covered part rounded to cents, the overage part the rest, so the parts sum to the whole.
 */
export function apportionCost(cost: Dec, coveredQuantity: Dec, wholeQuantity: Dec): ApportionedCost {
  if (wholeQuantity.isZero()) return { covered: cost, overage: ZERO };
  const covered = roundMoney(cost.times(coveredQuantity).dividedBy(wholeQuantity));
  return { covered, overage: cost.minus(covered) };
}
