import { dec, type Dec } from './decimal';
import { RuleViolation } from './domain-errors';

/**
 * The most one item may amount to, either way (under 10^12), and the bound of every amount,
 * price and quantity a request gives: an amount in cents is then under 10^14, so the read models
 * hold it, and their sums, exactly in 64-bit integers (docs/decisions.md, "Read models").
 */
export const MAX_ITEM_AMOUNT = '999999999999.99';

/**
 * The most an hourly rate (roles, contracts, overage, a work type's added, custom or flat value,
 * an approver's rate) may be: with a multiplier of at most `MAX_MULTIPLIER` and at most 48 hours
 * to bill (24 worked plus an offset of 24), labour stays under `MAX_ITEM_AMOUNT`.
 */
export const MAX_HOURLY_RATE = '99999999.9999';

/** The most a work type's or a block's multiplier may be. */
export const MAX_MULTIPLIER = '100';

/** Whether an amount is beyond `MAX_ITEM_AMOUNT` either way. */
export function isBeyondItemAmount(amount: Dec): boolean {
  return amount.abs().greaterThan(MAX_ITEM_AMOUNT);
}

/** Refuses (rule `amount-too-large`) an item whose amount is beyond `MAX_ITEM_AMOUNT` either way, rather than storing it. */
export function checkItemAmount(amount: Dec | string, what: string): void {
  const value = dec(amount);
  if (isBeyondItemAmount(value)) {
    throw new RuleViolation('amount-too-large', `${what} is ${value.toFixed()}; one item may amount to at most ${MAX_ITEM_AMOUNT}`);
  }
}
