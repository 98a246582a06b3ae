import { dec, type DecimalInput } from '../shared/decimal';

/**
 * Comparisons of decimals (money, hours) whose failure names the value and shows both numbers, so a
 * failing property prints its counter-example's numbers rather than "expected true".
 * `expectDecimal(draw.quantity, 'draw of b1').toBeLessThanOrEqual(draw.remainingBefore)`.
 */
export function expectDecimal(actual: DecimalInput, what = 'value') {
  const a = dec(actual);
  const check = (holds: boolean, relation: string, expected: DecimalInput) => {
    if (!holds) throw new Error(`expected ${what} ${a.toFixed()} ${relation} ${dec(expected).toFixed()}`);
  };
  return {
    /** Equal as numbers ("1.50" equals "1.5"). */
    toEqual: (expected: DecimalInput) => check(a.equals(dec(expected)), 'to equal', expected),
    toBeGreaterThan: (expected: DecimalInput) => check(a.greaterThan(dec(expected)), 'to be greater than', expected),
    toBeGreaterThanOrEqual: (expected: DecimalInput) => check(a.greaterThanOrEqualTo(dec(expected)), 'to be at least', expected),
    toBeLessThanOrEqual: (expected: DecimalInput) => check(a.lessThanOrEqualTo(dec(expected)), 'to be at most', expected),
  };
}
