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

describe('event stream settings from the environment', () => {
  it('heartbeats every LEDGER_SSE_HEARTBEAT_SECONDS (default 15) and cuts a client off past LEDGER_SSE_MAX_BUFFER_BYTES (default 1 MiB)', () => {
    expect(configFromEnvironment({})).toMatchObject({ sseHeartbeatMs: 15_000, sseMaxBufferedBytes: 1_048_576 });
    expect(configFromEnvironment({ LEDGER_SSE_HEARTBEAT_SECONDS: '5', LEDGER_SSE_MAX_BUFFER_BYTES: '262144' })).toMatchObject({
      sseHeartbeatMs: 5000,
      sseMaxBufferedBytes: 262_144,
    });
  });

  it.each([
    [{ LEDGER_SSE_HEARTBEAT_SECONDS: '0' }, /LEDGER_SSE_HEARTBEAT_SECONDS must be/],
    [{ LEDGER_SSE_HEARTBEAT_SECONDS: '1.5' }, /LEDGER_SSE_HEARTBEAT_SECONDS must be/],
    [{ LEDGER_SSE_HEARTBEAT_SECONDS: '3601' }, /LEDGER_SSE_HEARTBEAT_SECONDS must be/],
    [{ LEDGER_SSE_MAX_BUFFER_BYTES: '1000' }, /LEDGER_SSE_MAX_BUFFER_BYTES must be/],
    [{ LEDGER_SSE_MAX_BUFFER_BYTES: '1MB' }, /LEDGER_SSE_MAX_BUFFER_BYTES must be/],
  ])('refuses %p', (env, message) => {
    expect(() => configFromEnvironment(env)).toThrow(message);
  });
});

describe('audit snapshot settings from the environment', () => {
  it('sweeps for long ledgers every LEDGER_AUDIT_SNAPSHOT_SECONDS (default 60); 0 turns it off', () => {
    expect(configFromEnvironment({}).auditSnapshotSweepMs).toBe(60_000);
    expect(configFromEnvironment({ LEDGER_AUDIT_SNAPSHOT_SECONDS: '300' }).auditSnapshotSweepMs).toBe(300_000);
    expect(configFromEnvironment({ LEDGER_AUDIT_SNAPSHOT_SECONDS: '0' }).auditSnapshotSweepMs).toBeUndefined();
  });

  it.each(['-1', '1.5', 'often'])('refuses %p', (seconds) => {
    expect(() => configFromEnvironment({ LEDGER_AUDIT_SNAPSHOT_SECONDS: seconds })).toThrow(/LEDGER_AUDIT_SNAPSHOT_SECONDS must be/);
  });
});
