import type { Dec } from '../shared/decimal';
import { ZERO } from './rating-decimals';
import type { IsoDate } from './rating-inputs';
import { type DrawablePurchase, drawInOrder, type QuantityDraw, splitQuantity, usablePurchases } from './prepaid-balance';

export interface RetainerConsumptionInput {
  /** The item's rated amount, already rounded to cents: that is what the retainer pays. */
  amount: Dec;
  /** The item's quantity (hours to bill, units), shared out between the parts. */
  quantity: Dec;
  itemDate: IsoDate;
  /** Every retainer purchase of the contract, with what is left at this point of the batch. */
  purchases: readonly DrawablePurchase[];
}

export interface RetainerConsumption {
  draws: QuantityDraw[];
  /** Money the purchases pay (the covered part, posted at 0.00). */
  drawn: Dec;
  /** Money billed as overage. `drawn + shortfall = amount`. */
  shortfall: Dec;
  coveredQuantity: Dec;
  overageQuantity: Dec;
}

/**
 * Draws an item's amount from the oldest usable retainer purchase, spilling to the next
 * (billing-rules §6); the shortfall is billed as overage. When split, the quantity is shared in
 * proportion to the money: covered = quantity × drawn ÷ amount, rounded half-up to 4 places.
 * Nothing is drawn for an amount of zero or less.
 */
export function consumeRetainer(input: RetainerConsumptionInput): RetainerConsumption {
  if (input.amount.lessThanOrEqualTo(0)) {
    return { draws: [], drawn: ZERO, shortfall: input.amount, coveredQuantity: ZERO, overageQuantity: input.quantity };
  }
  const { draws, drawn, shortfall } = drawInOrder(usablePurchases(input.purchases, input.itemDate), input.amount);
  if (shortfall.isZero()) {
    return { draws, drawn, shortfall, coveredQuantity: input.quantity, overageQuantity: ZERO };
  }
  const split = splitQuantity(input.quantity, input.quantity.times(drawn).dividedBy(input.amount));
  return { draws, drawn, shortfall, coveredQuantity: split.covered, overageQuantity: split.overage };
}
