import type { Dec } from '../shared/decimal';
import { minOf, roundQuantity, ZERO } from './rating-decimals';
import type { IsoDate } from './rating-inputs';

/** A purchase of hours, money or tickets, with what is left of it at this point of the batch. */
export interface DrawablePurchase {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate;
  active: boolean;
  sequence: number;
  remaining: Dec;
}

export interface QuantityDraw {
  purchaseId: string;
  quantity: Dec;
}

export interface DrawResult {
  draws: QuantityDraw[];
  drawn: Dec;
  shortfall: Dec;
}

/**
 * The purchases an item dated `date` may draw on, in drawing order (billing-rules §6): active,
 * `start ≤ date ≤ end`, something left; oldest start date first, then purchase order, then id.
 */
export function usablePurchases<P extends DrawablePurchase>(purchases: readonly P[], date: IsoDate): P[] {
  return purchases
    .filter((p) => p.active && p.startDate <= date && date <= p.endDate && p.remaining.greaterThan(0))
    .sort((a, b) => compareStrings(a.startDate, b.startDate) || a.sequence - b.sequence || compareStrings(a.id, b.id));
}

/** Takes `needed` from the purchases in the order given, each down to zero at most, spilling to the next. */
export function drawInOrder(purchases: readonly DrawablePurchase[], needed: Dec): DrawResult {
  const draws: QuantityDraw[] = [];
  let left = needed;
  for (const purchase of purchases) {
    if (left.lessThanOrEqualTo(0)) break;
    const quantity = minOf(purchase.remaining, left);
    if (quantity.lessThanOrEqualTo(0)) continue;
    draws.push({ purchaseId: purchase.id, quantity });
    left = left.minus(quantity);
  }
  const drawn = needed.minus(left);
  return { draws, drawn, shortfall: left.greaterThan(0) ? left : ZERO };
}

export interface QuantitySplit {
  covered: Dec;
  overage: Dec;
}

/**
 * Splits a whole quantity (hours, units) into a covered and an overage part: the covered part is
 * rounded half-up to 4 places (never above the whole), the overage part is the rest, so the two
 * always sum exactly to the whole.
 */
export function splitQuantity(whole: Dec, coveredExact: Dec): QuantitySplit {
  const covered = minOf(roundQuantity(coveredExact), whole);
  return { covered, overage: whole.minus(covered) };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
