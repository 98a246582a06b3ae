import type { PeriodType } from './contract.events';
import { addMonthsClamped, daysInclusive, periodsStartingBy, servicePeriod } from './service-periods';

/** `[start, end]` of each period, as the table states them. */
const spans = (periods: { start: string; end: string }[]) => periods.map((p) => [p.start, p.end]);

describe('service periods (billing-rules §7): aligned to the contract start, a period ends the day before the next', () => {
  describe('over a year, every period type, from the 1st', () => {
    const cases: [PeriodType, string[][]][] = [
      [
        'MONTHLY',
        [
          ['2026-01-01', '2026-01-31'],
          ['2026-02-01', '2026-02-28'],
          ['2026-03-01', '2026-03-31'],
          ['2026-04-01', '2026-04-30'],
          ['2026-05-01', '2026-05-31'],
          ['2026-06-01', '2026-06-30'],
          ['2026-07-01', '2026-07-31'],
          ['2026-08-01', '2026-08-31'],
          ['2026-09-01', '2026-09-30'],
          ['2026-10-01', '2026-10-31'],
          ['2026-11-01', '2026-11-30'],
          ['2026-12-01', '2026-12-31'],
        ],
      ],
      [
        'QUARTERLY',
        [
          ['2026-01-01', '2026-03-31'],
          ['2026-04-01', '2026-06-30'],
          ['2026-07-01', '2026-09-30'],
          ['2026-10-01', '2026-12-31'],
        ],
      ],
      [
        'SEMI_ANNUAL',
        [
          ['2026-01-01', '2026-06-30'],
          ['2026-07-01', '2026-12-31'],
        ],
      ],
      ['YEARLY', [['2026-01-01', '2026-12-31']]],
    ];
    it.each(cases)('%s: the periods starting in 2026', (periodType, expected) => {
      // when: every period that starts by the last day of the year
      const periods = periodsStartingBy('2026-01-01', periodType, '2026-12-31');
      // then: 12, 4, 2 and 1 periods, back to back, covering the year
      expect(spans(periods)).toEqual(expected);
      expect(periods.reduce((days, p) => days + p.days, 0)).toBe(365);
    });
  });

  describe('from the 31st: a short month clamps to its last day, and the next period starts on the 31st again', () => {
    const cases: [PeriodType, string[][]][] = [
      [
        'MONTHLY',
        [
          ['2026-01-31', '2026-02-27'],
          ['2026-02-28', '2026-03-30'],
          ['2026-03-31', '2026-04-29'],
          ['2026-04-30', '2026-05-30'],
          ['2026-05-31', '2026-06-29'],
          ['2026-06-30', '2026-07-30'],
          ['2026-07-31', '2026-08-30'],
          ['2026-08-31', '2026-09-29'],
          ['2026-09-30', '2026-10-30'],
          ['2026-10-31', '2026-11-29'],
          ['2026-11-30', '2026-12-30'],
          ['2026-12-31', '2027-01-30'],
        ],
      ],
      [
        'QUARTERLY',
        [
          ['2026-01-31', '2026-04-29'],
          ['2026-04-30', '2026-07-30'],
          ['2026-07-31', '2026-10-30'],
          ['2026-10-31', '2027-01-30'],
        ],
      ],
      [
        'SEMI_ANNUAL',
        [
          ['2026-01-31', '2026-07-30'],
          ['2026-07-31', '2027-01-30'],
        ],
      ],
      ['YEARLY', [['2026-01-31', '2027-01-30']]],
    ];
    it.each(cases)('%s: a contract of 2026-01-31 to 2027-01-30', (periodType, expected) => {
      expect(spans(periodsStartingBy('2026-01-31', periodType, '2027-01-30'))).toEqual(expected);
    });
  });

  it('29 February: a yearly period starts on 28 February in common years, on the 29th in leap years', () => {
    // given: a yearly contract from 2028-02-29 (a leap day)
    const starts = [0, 1, 2, 3, 4].map((k) => servicePeriod('2028-02-29', 'YEARLY', k).start);
    // then: 2029 to 2031 have no 29 February; 2032 has
    expect(starts).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
    // and: the first period ends the day before 28 February 2029: 365 days
    expect(servicePeriod('2028-02-29', 'YEARLY', 0)).toEqual({ start: '2028-02-29', end: '2029-02-27', days: 365 });
  });

  it('a period that starts after the last start asked for is not listed; one starting that day is', () => {
    expect(periodsStartingBy('2026-01-01', 'MONTHLY', '2025-12-31')).toEqual([]);
    expect(spans(periodsStartingBy('2026-01-01', 'MONTHLY', '2026-02-01'))).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
    ]);
  });

  it('days count both ends; months add with clamping', () => {
    expect(daysInclusive('2026-04-21', '2026-04-30')).toBe(10);
    expect(daysInclusive('2026-01-01', '2026-03-31')).toBe(90);
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
  });
});
