import { dec, roundMoney } from '@billing/domain';

export type DashboardStage = 'AWAITING_POSTING' | 'AWAITING_INVOICE';

/**
 * How a pending item's amount is previewed. `billable`: what it would charge at today's rates;
 * `prepaid`: drawn from a block, retainer or ticket purchase (0.00 unless it runs short);
 * `covered`: paid by a recurring, per-ticket or fixed-price contract; `no-charge`: non-billable;
 * `held`: a licence count held beyond its contract's tolerance, 0.00 and stuck until finance decides it.
 */
export type Coverage = 'billable' | 'prepaid' | 'covered' | 'no-charge' | 'held';

/** The source and item type of a held licence count's row (billing-rules §7, §13). */
export const HELD_LICENCE_COUNT = 'LICENCE_EXCEPTION';

const INT64_MAX = 2n ** 63n - 1n;

/**
 * An amount in integer cents, rounded half-up (billing-rules §5): a bigint, which SQLite keeps as
 * a 64-bit integer (never a float), so totals are exact sums in SQL. The domain bounds every
 * amount far below the limit (`MAX_ITEM_AMOUNT`); one beyond it stops the projection rather than
 * showing a wrong number.
 */
export function cents(amount: string | ReturnType<typeof dec>): bigint {
  const value = BigInt(roundMoney(dec(amount)).times(100).toFixed(0));
  if (value > INT64_MAX || value < -INT64_MAX - 1n) throw new Error(`the amount ${dec(amount).toFixed()} is beyond what the dashboard keeps exactly`);
  return value;
}

/** Integer cents as a money string: exact integer arithmetic, no decimal library needed per row. */
export function moneyOfCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * Sums of cents are taken in two parts, `cents / CENTS_SPLIT` and `cents % CENTS_SPLIT` (both
 * truncated toward zero, in SQLite as in bigint arithmetic), so that no sum in SQL leaves 64 bits
 * whatever the number of items (SQLite's SUM would fail, its `+` would turn to a float): the low
 * parts are under 10^9 each, the high parts under 10^5 for amounts within the bound.
 */
export const CENTS_SPLIT = 1_000_000_000n;
export const highCents = (cents: bigint) => cents / CENTS_SPLIT;
export const lowCents = (cents: bigint) => cents % CENTS_SPLIT;
/** The cents whose parts summed to `high` and `low`, exactly. */
export const centsOfParts = (high: bigint, low: bigint) => high * CENTS_SPLIT + low;

/** Days since 1970-01-01 of an ISO date: ages are differences of these. */
export const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
