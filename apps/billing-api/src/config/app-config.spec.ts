import { ConfigError, configFromEnvironment } from './app-config';

describe('configuration from the environment', () => {
  it('takes a bootstrap key a client can send as a bearer token', () => {
    expect(configFromEnvironment({ BILLING_BOOTSTRAP_KEY: 'blk_Zm9vYmFyYmF6cXV4LXRlc3Q' }).bootstrapKey).toBe('blk_Zm9vYmFyYmF6cXV4LXRlc3Q');
    expect(configFromEnvironment({ BILLING_BOOTSTRAP_KEY: 'abcdefghijklmnop+/~.-_==' }).bootstrapKey).toBe('abcdefghijklmnop+/~.-_==');
  });

  it.each([
    ['spaces', 'correct horse battery staple'],
    ['a tab', 'correct\thorsebatterystaple'],
    ['a quote', 'correct"horse"battery-staple'],
    ['an = in the middle', 'correct=horse-battery-staple'],
    ['a non-ASCII letter', 'correct-horse-battery-stäple'],
    ['over 512 characters', 'k'.repeat(513)],
  ])('refuses a bootstrap key with %s: the bearer parser would refuse it, so the stored key could never be used', (_what, key) => {
    expect(() => configFromEnvironment({ BILLING_BOOTSTRAP_KEY: key })).toThrow(ConfigError);
    expect(() => configFromEnvironment({ BILLING_BOOTSTRAP_KEY: key })).toThrow(/BILLING_BOOTSTRAP_KEY cannot be sent as a bearer token/);
  });

  it('refuses a key shorter than 16 characters', () => {
    expect(() => configFromEnvironment({ BILLING_BOOTSTRAP_KEY: 'short-key' })).toThrow(/at least 16 characters/);
  });

  it('accrues daily only when LEDGER_ACCRUE_DAILY=true, at LEDGER_ACCRUE_HOUR (UTC, default 2)', () => {
    expect(configFromEnvironment({}).accrueDailyAtHour).toBeUndefined();
    expect(configFromEnvironment({ LEDGER_ACCRUE_DAILY: 'false', LEDGER_ACCRUE_HOUR: '5' }).accrueDailyAtHour).toBeUndefined();
    expect(configFromEnvironment({ LEDGER_ACCRUE_DAILY: 'true' }).accrueDailyAtHour).toBe(2);
    expect(configFromEnvironment({ LEDGER_ACCRUE_DAILY: 'true', LEDGER_ACCRUE_HOUR: '0' }).accrueDailyAtHour).toBe(0);
    expect(configFromEnvironment({ LEDGER_ACCRUE_DAILY: 'true', LEDGER_ACCRUE_HOUR: '23' }).accrueDailyAtHour).toBe(23);
  });

  it.each([
    [{ LEDGER_ACCRUE_DAILY: 'yes' }, /LEDGER_ACCRUE_DAILY must be true or false/],
    [{ LEDGER_ACCRUE_DAILY: 'true', LEDGER_ACCRUE_HOUR: '24' }, /LEDGER_ACCRUE_HOUR must be an hour/],
    [{ LEDGER_ACCRUE_DAILY: 'true', LEDGER_ACCRUE_HOUR: '2.5' }, /LEDGER_ACCRUE_HOUR must be an hour/],
    [{ LEDGER_ACCRUE_DAILY: 'true', LEDGER_ACCRUE_HOUR: '-1' }, /LEDGER_ACCRUE_HOUR must be an hour/],
  ])('refuses %p', (env, message) => {
    expect(() => configFromEnvironment(env)).toThrow(message);
  });
});
