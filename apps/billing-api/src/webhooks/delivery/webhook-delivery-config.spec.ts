import { randomBytes } from 'node:crypto';
import { ConfigError, configFromEnvironment } from '../../config/app-config';
import { webhookDelivery } from './webhook-dispatcher';

describe('webhook delivery settings from the environment', () => {
  it('defaults: delivered by this instance, 10 s timeout, retries from 30 s capped at 1 h, paused after 10 failures, a look every second', () => {
    expect(webhookDelivery(configFromEnvironment({}))).toEqual({
      dispatch: true,
      requestTimeoutMs: 10_000,
      retryBaseMs: 30_000,
      retryCapMs: 3_600_000,
      pauseAfterFailures: 10,
      pollMs: 1000,
    });
  });

  it('takes each LEDGER_WEBHOOKS_* variable that is set', () => {
    const key = randomBytes(32).toString('base64');
    const config = configFromEnvironment({
      LEDGER_WEBHOOKS_DISPATCH: 'false',
      LEDGER_WEBHOOKS_TIMEOUT_MS: '2500',
      LEDGER_WEBHOOKS_RETRY_BASE_MS: '1000',
      LEDGER_WEBHOOKS_RETRY_CAP_MS: '60000',
      LEDGER_WEBHOOKS_PAUSE_AFTER: '5',
      LEDGER_WEBHOOKS_POLL_MS: '250',
      LEDGER_WEBHOOK_SECRETS_KEY: key,
    });
    expect(webhookDelivery(config)).toEqual({
      dispatch: false,
      requestTimeoutMs: 2500,
      retryBaseMs: 1000,
      retryCapMs: 60_000,
      pauseAfterFailures: 5,
      pollMs: 250,
      secretsKey: key,
    });
  });

  it.each([
    [{ LEDGER_WEBHOOKS_DISPATCH: 'yes' }, /LEDGER_WEBHOOKS_DISPATCH must be true or false/],
    [{ LEDGER_WEBHOOKS_TIMEOUT_MS: '1.5' }, /LEDGER_WEBHOOKS_TIMEOUT_MS must be a whole number of at least 1/],
    [{ LEDGER_WEBHOOKS_PAUSE_AFTER: '0' }, /LEDGER_WEBHOOKS_PAUSE_AFTER must be a whole number of at least 1/],
    [{ LEDGER_WEBHOOKS_POLL_MS: '5' }, /LEDGER_WEBHOOKS_POLL_MS must be a whole number of at least 10/],
    [{ LEDGER_WEBHOOKS_RETRY_CAP_MS: '-1' }, /LEDGER_WEBHOOKS_RETRY_CAP_MS must be a whole number/],
    [{ LEDGER_WEBHOOK_SECRETS_KEY: 'c2hvcnQ=' }, /LEDGER_WEBHOOK_SECRETS_KEY must be 32 bytes in base64/],
  ])('refuses %p', (env, message) => {
    expect(() => configFromEnvironment(env)).toThrow(ConfigError);
    expect(() => configFromEnvironment(env)).toThrow(message);
  });
});
