import Decimal from 'decimal.js';

/**
 * Decimal arithmetic for money, rates and hours. Never a JavaScript float: amounts travel as
 * decimal strings and are computed with decimal.js at full precision. Rounding happens only where
 * billing-rules.md says, through `roundMoney`.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

export type DecimalInput = string | number | Decimal;

export function dec(value: DecimalInput): Decimal {
  return new Dec(value);
}

/** Half-up to the currency's minor unit (cents): once per posted item (billing-rules §5). */
export function roundMoney(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money as it travels: a decimal string with exactly two places. */
export function moneyString(value: Decimal): string {
  return roundMoney(value).toFixed(2);
}

/** A decimal as it travels, without trailing zeros ("1.5", "0.08875"). */
export function decimalString(value: Decimal): string {
  return value.toFixed();
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Number of decimal places a decimal string or number carries, as written. */
export function decimalPlaces(value: DecimalInput): number {
  return new Dec(value).decimalPlaces();
}
