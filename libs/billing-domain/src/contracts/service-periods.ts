import type { PeriodType } from './contract.events';

/** Calendar months per period (billing-rules §3: monthly, quarterly, half-yearly, yearly). */
export const PERIOD_MONTHS: Readonly<Record<PeriodType, number>> = { MONTHLY: 1, QUARTERLY: 3, SEMI_ANNUAL: 6, YEARLY: 12 };

/** One billing period of a recurring service, both dates inclusive. */
export interface ServicePeriod {
  start: string;
  end: string;
  days: number;
}

const DAY_MS = 86_400_000;

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number) => isoOfDay(dayNumber(isoDate) + days);

/** Days from `from` to `to`, both counted (the same day is 1). */
export const daysInclusive = (from: string, to: string) => dayNumber(to) - dayNumber(from) + 1;

/**
 * The date `months` calendar months after `date`, on the same day of the month, or on the
 * month's last day when it is shorter (31 January + 1 month = 28 February, 29 in a leap year).
 */
export function addMonthsClamped(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = month - 1 + months;
  const y = year + Math.floor(index / 12);
  const m = ((index % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * Period `k` (0-based) of a contract: periods are aligned to the contract's start date, each
 * counted from the start itself (not from the period before), so a short month clamps one
 * period's start and never drifts the next: a monthly contract from 31 January has periods from
 * 31 January, 28 February, 31 March, 30 April… A period ends the day before the next begins.
 */
export function servicePeriod(contractStart: string, periodType: PeriodType, k: number): ServicePeriod {
  const months = PERIOD_MONTHS[periodType];
  const start = addMonthsClamped(contractStart, k * months);
  const end = addDays(addMonthsClamped(contractStart, (k + 1) * months), -1);
  return { start, end, days: daysInclusive(start, end) };
}

/** Every period that starts on or before `lastStart`, in order. */
export function periodsStartingBy(contractStart: string, periodType: PeriodType, lastStart: string): ServicePeriod[] {
  const periods: ServicePeriod[] = [];
  for (let k = 0; ; k++) {
    const period = servicePeriod(contractStart, periodType, k);
    if (period.start > lastStart) return periods;
    periods.push(period);
  }
}
