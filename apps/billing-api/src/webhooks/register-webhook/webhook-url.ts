import { ValidateBy } from 'class-validator';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Why a URL cannot receive webhooks, or null when it can: http or https, a host, no user name or
 * password (they would show in every listing). Private and loopback addresses are allowed
 * (a receiver on the same host or network is common, and the tests use one); docs/decisions.md.
 */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'url must be a string';
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'url must be an absolute URL (https://receiver.example.com/ledger)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `url must be http or https, not ${url.protocol.slice(0, -1)}`;
  if (!url.hostname) return 'url must name a host';
  if (url.username || url.password) return 'url must not hold a user name or password: use the signature to authenticate deliveries';
  return null;
}

/** An http(s) URL a webhook can be delivered to (`webhookUrlProblem`). */
export const IsWebhookUrl = (): PropertyDecorator =>
  ValidateBy({
    name: 'isWebhookUrl',
    validator: {
      validate: (value: unknown) => webhookUrlProblem(value) === null,
      defaultMessage: (args) => webhookUrlProblem(args?.value) ?? 'url is not valid',
    },
  });
