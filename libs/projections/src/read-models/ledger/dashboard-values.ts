import { dec, roundMoney } from '@billing/domain';

export type DashboardStage = 'AWAITING_POSTING' | 'AWAITING_INVOICE';

/**
 * How a pending item's amount is previewed. `billable`: what it would charge at today's rates;
 * `prepaid`: drawn from a block, retainer or ticket purchase (0.00 unless it runs short);
 * `covered`: paid by a recurring, per-ticket or fixed-price contract; `no-charge`: non-billable.
 */
export type Coverage = 'billable' | 'prepaid' | 'covered' | 'no-charge';

/** An amount in integer cents, rounded half-up (billing-rules §5), so totals are exact sums in SQL. */
export const cents = (amount: string | ReturnType<typeof dec>) => Number(roundMoney(dec(amount)).times(100).toFixed(0));

/** Integer cents as a money string: exact integer arithmetic, no decimal library needed per row. */
export function moneyOfCents(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of an ISO date: ages are differences of these. */
export const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
