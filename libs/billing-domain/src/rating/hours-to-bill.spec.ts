import { dec } from '../shared/decimal';
import { hoursToBill, roundUpHours } from './hours-to-bill';

describe('hoursToBill (billing-rules §5: clamp(roundUp(hoursWorked) + offset, min, max))', () => {
  it.each([
    // hoursWorked, roundUpMinutes, offset, min, max, expected   // working
    ['1.01', 0, null, null, null, '1.01'], // no rounding
    ['1.01', 6, null, null, null, '1.1'], // 60.6 min → 11 × 6 = 66 min = 1.1 h
    ['1', 6, null, null, null, '1'], // 60 min is already whole increments
    ['0.0833', 15, null, null, null, '0.25'], // 4.998 min → 1 × 15 min
    ['1.26', 15, null, null, null, '1.5'], // 75.6 min → 6 × 15 = 90 min
    ['1.25', 15, null, null, null, '1.25'], // 75 min exactly
    ['1.21', 9, null, null, null, '1.35'], // 72.6 min → 9 × 9 = 81 min = 1.35 h
    ['0.1', 60, null, null, null, '1'], // 6 min → 1 × 60 min
    ['2', 15, '-0.25', null, null, '1.75'], // 2 − 0.25
    ['1.1', 15, '0.5', null, null, '1.75'], // 66 min → 75 min = 1.25 h; + 0.5
    ['0.2', 15, null, '1', null, '1'], // 0.25 below min 1 → 1
    ['5', 15, null, null, '4', '4'], // 5 above max 4 → 4
    ['3', 0, '0.5', '1', '3', '3'], // 3.5 clamped to max 3
    ['0.5', 0, '-1', null, null, '0'], // −0.5 never below 0
    ['24', 0, null, null, null, '24'], // the upper bound is allowed
  ])(
    'given %s h worked, %i-minute increments, offset %s, min %s, max %s, then %s h to bill',
    (hoursWorked, roundUpMinutes, offsetHours, minHours, maxHours, expected) => {
      expect(hoursToBill({ hoursWorked, roundUpMinutes, offsetHours, minHours, maxHours }).toFixed()).toBe(expected);
    },
  );

  it.each([['0'], ['-1'], ['24.0001']])('given %s h worked, then hours-worked-range', (hoursWorked) => {
    expect(() => hoursToBill({ hoursWorked, roundUpMinutes: 0 })).toThrow(expect.objectContaining({ rule: 'hours-worked-range' }));
  });

  it.each([[5], [7], [63], [1.5], [-3], [1], [2]])(
    'given %p-minute increments, then round-up-minutes (only 0 or multiples of 3 up to 60 stay finite)',
    (roundUpMinutes) => {
      expect(() => hoursToBill({ hoursWorked: '1', roundUpMinutes })).toThrow(expect.objectContaining({ rule: 'round-up-minutes' }));
    },
  );

  it('given min above max, then min-max-hours', () => {
    expect(() => hoursToBill({ hoursWorked: '1', roundUpMinutes: 0, minHours: '3', maxHours: '2' })).toThrow(
      expect.objectContaining({ rule: 'min-max-hours' }),
    );
  });

  it('given hours with more than 4 decimal places, then hours-precision', () => {
    expect(() => hoursToBill({ hoursWorked: '1.00001', roundUpMinutes: 0 })).toThrow(expect.objectContaining({ rule: 'hours-precision' }));
  });

  it('given a float instead of a decimal string, then invalid-decimal', () => {
    expect(() => hoursToBill({ hoursWorked: 1.5 as unknown as string, roundUpMinutes: 0 })).toThrow(expect.objectContaining({ rule: 'invalid-decimal' }));
  });

  it('given every allowed increment, then any rounded result is a finite decimal of at most 2 places', () => {
    for (let minutes = 3; minutes <= 60; minutes += 3) {
      expect(roundUpHours(dec('0.0001'), minutes).decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });
});
