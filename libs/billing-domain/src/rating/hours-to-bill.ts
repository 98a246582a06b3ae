import type { Dec } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import { type DecimalLike, hoursOf, maxOf, minOf, ZERO } from './rating-decimals';

export interface HoursToBillInput {
  hoursWorked: DecimalLike;
  offsetHours?: DecimalLike | null;
  /** 0 = no rounding; else a multiple of 3 from 3 to 60. */
  roundUpMinutes: number;
  minHours?: DecimalLike | null;
  maxHours?: DecimalLike | null;
}

/**
 * Only multiples of 3 minutes keep every rounded result a finite decimal of hours
 * (minutes / 60 terminates only when 3 divides the minutes).
 */
export function assertRoundUpMinutes(roundUpMinutes: number): void {
  const valid = Number.isInteger(roundUpMinutes) && (roundUpMinutes === 0 || (roundUpMinutes >= 3 && roundUpMinutes <= 60 && roundUpMinutes % 3 === 0));
  if (!valid) {
    throw new RuleViolation('round-up-minutes', `roundUpMinutes must be 0 or a multiple of 3 from 3 to 60, got ${roundUpMinutes}`);
  }
}

/** Rounds hours up to the next whole increment of `minutes` (0: unchanged). */
export function roundUpHours(hours: Dec, minutes: number): Dec {
  assertRoundUpMinutes(minutes);
  if (minutes === 0) return hours;
  const increments = hours.times(60).dividedBy(minutes).ceil();
  return increments.times(minutes).dividedBy(60);
}

/**
 * billing-rules §5: `clamp(roundUp(hoursWorked, increment) + offsetHours, minHours, maxHours)`,
 * never below zero. Exact: no rounding besides the round-up to the increment.
 */
export function hoursToBill(input: HoursToBillInput): Dec {
  const hoursWorked = hoursOf(input.hoursWorked, 'hoursWorked');
  if (hoursWorked.lessThanOrEqualTo(0) || hoursWorked.greaterThan(24)) {
    throw new RuleViolation('hours-worked-range', `hoursWorked must be more than 0 and at most 24, got ${hoursWorked.toFixed()}`);
  }
  const offset = input.offsetHours == null ? ZERO : hoursOf(input.offsetHours, 'offsetHours');
  const min = input.minHours == null ? null : hoursOf(input.minHours, 'minHours');
  const max = input.maxHours == null ? null : hoursOf(input.maxHours, 'maxHours');
  if (min !== null && max !== null && min.greaterThan(max)) {
    throw new RuleViolation('min-max-hours', `minHours ${min.toFixed()} is above maxHours ${max.toFixed()}`);
  }
  let hours = roundUpHours(hoursWorked, input.roundUpMinutes).plus(offset);
  if (min !== null) hours = maxOf(hours, min);
  if (max !== null) hours = minOf(hours, max);
  return maxOf(hours, ZERO);
}
