import { Dec, dec, decimalString } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';

export interface DecimalBounds {
  /** Most decimal places accepted (4 for rates, costs, hours and multipliers; 6 for tax rates). */
  maxPlaces: number;
  /** Inclusive lower bound. */
  min?: string;
  /** Exclusive lower bound. */
  greaterThan?: string;
  /** Inclusive upper bound. */
  max?: string;
  /** Exclusive upper bound. */
  lessThan?: string;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The one normalisation of catalog decimals: `decimalString(dec(x))`, without trailing zeros and
 * never in exponent form, so "150.00", "150" and 150 are the same value in the same text and a
 * repeated create compares equal. Refuses (rule `invalid-decimal`) what is not a plain decimal
 * within the bounds: the HTTP layer refuses it first, the domain keeps its own invariants.
 */
export function canonicalDecimal(value: string, field: string, bounds: DecimalBounds): string {
  if (!PLAIN_DECIMAL.test(value)) throw new RuleViolation('invalid-decimal', `${field} must be a decimal, got ${JSON.stringify(value)}`);
  const d = dec(value);
  const problem = (text: string) => new RuleViolation('invalid-decimal', `${field} must be ${text}, got ${value}`);
  if (d.decimalPlaces() > bounds.maxPlaces) throw problem(`a decimal with at most ${bounds.maxPlaces} decimal places`);
  if (bounds.min !== undefined && d.lessThan(bounds.min)) throw problem(`at least ${bounds.min}`);
  if (bounds.greaterThan !== undefined && d.lessThanOrEqualTo(bounds.greaterThan)) throw problem(`greater than ${bounds.greaterThan}`);
  if (bounds.max !== undefined && d.greaterThan(bounds.max)) throw problem(`at most ${bounds.max}`);
  if (bounds.lessThan !== undefined && d.greaterThanOrEqualTo(bounds.lessThan)) throw problem(`less than ${bounds.lessThan}`);
  return decimalString(d.isZero() ? new Dec(0) : d);
}

/** JSON with object keys sorted, so equal terms compare equal whatever order their keys were written in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two canonical terms are the same (decimals must be canonical first: "1.50" is not "1.5"). */
export function sameTerms<T>(a: T, b: T): boolean {
  return stableJson(a) === stableJson(b);
}
