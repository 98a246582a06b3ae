import type { WebhookDelivery } from '../../config/app-config';

/**
 * How long to wait before the next attempt of a delivery that has failed `failedAttempts` times:
 * exponential backoff with full jitter, a uniform random wait in [0, min(cap, base × 2^(n − 1))).
 * The jitter spreads the retries of many deliveries that failed together (a receiver's outage)
 * instead of sending them back all at once.
 */
export function retryDelayMs(
  failedAttempts: number,
  { retryBaseMs, retryCapMs }: Pick<WebhookDelivery, 'retryBaseMs' | 'retryCapMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(retryCapMs, retryBaseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.floor(random() * ceiling);
}
