import { Dec, dec } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';

/** A decimal as the engine's functions accept it: a decimal string or a `Dec`, never a float. */
export type DecimalLike = string | Dec;

export const ZERO: Dec = dec(0);
export const ONE: Dec = dec(1);

/** Parses a decimal, refusing what is not a finite number. */
export function decimalOf(value: DecimalLike, field: string): Dec {
  if (typeof value !== 'string') {
    // Snapshots arrive as JSON: a number here is a float that slipped through.
    if (typeof value !== 'object' || value === null) {
      throw new RuleViolation('invalid-decimal', `${field} must be a decimal string, got ${typeof value}`);
    }
    if (!value.isFinite()) throw new RuleViolation('invalid-decimal', `${field} must be a finite decimal`);
    return value;
  }
  let parsed: Dec;
  try {
    parsed = dec(value.trim());
  } catch {
    throw new RuleViolation('invalid-decimal', `${field} must be a decimal, got "${value}"`);
  }
  if (value.trim() === '' || !parsed.isFinite()) {
    throw new RuleViolation('invalid-decimal', `${field} must be a decimal, got "${value}"`);
  }
  return parsed;
}

/** Hours carry at most 4 decimal places (as Autotask stores them). */
export const HOURS_PLACES = 4;

export function hoursOf(value: DecimalLike, field: string): Dec {
  const hours = decimalOf(value, field);
  if (hours.decimalPlaces() > HOURS_PLACES) {
    throw new RuleViolation('hours-precision', `${field} has more than ${HOURS_PLACES} decimal places: ${hours.toFixed()}`);
  }
  return hours;
}

export function nonNegative(value: Dec, field: string): Dec {
  if (value.isNegative() && !value.isZero()) throw new RuleViolation('negative-value', `${field} must not be negative`);
  return value;
}

/** Half-up to 4 decimal places: the one place a split's hours (or units) are rounded. */
export function roundQuantity(value: Dec): Dec {
  return value.toDecimalPlaces(HOURS_PLACES, Dec.ROUND_HALF_UP);
}

export function minOf(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function maxOf(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Refuses what is not a calendar date `YYYY-MM-DD` (ISO dates then compare as strings). */
export function isoDateOf(value: string, field: string): string {
  const match = ISO_DATE.exec(value);
  const month = match ? Number(match[2]) : 0;
  const day = match ? Number(match[3]) : 0;
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new RuleViolation('invalid-date', `${field} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
