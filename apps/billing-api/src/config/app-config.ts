import { createPrivateKey } from 'node:crypto';
import { join, resolve } from 'node:path';
import { isBearerToken, MAX_API_KEY_LENGTH } from '../auth/bearer-token';

/** The service's configuration, from the environment variables of docs/http-api.md. */
export interface AppConfig {
  port: number;
  dataDir: string;
  /** Set: EventStoreDB holds the events; unset: the embedded SQLite store in `dataDir`. */
  eventStoreConnectionString?: string;
  bootstrapKey?: string;
  /** Bound on how long a query waits for the projections to reach the caller's last write. */
  readYourWritesTimeoutMs: number;
  /** Run the accrual of billing-rules §7 every day at this hour (UTC, 0 to 23), through that day; absent: only on demand. */
  accrueDailyAtHour?: number;
  /** PEM (PKCS#8) of the Ed25519 key that signs audit digests (`LEDGER_SIGNING_KEY`); unset: one created once in `dataDir` (docs/tamper-evidence.md). */
  signingKeyPem?: string;
  /** Webhook delivery (docs/webhooks.md); a field left out takes its default from `DEFAULT_WEBHOOK_DELIVERY`. */
  webhooks?: Partial<WebhookDelivery>;
  /** Snapshot long ledgers for the as-of queries this often, in the background (docs/audit.md); absent or 0: only as queries leave them. */
  auditSnapshotSweepMs?: number;
  /** Server-Sent Events (docs/event-feed.md): a heartbeat comment this often; default DEFAULT_SSE_HEARTBEAT_MS. */
  sseHeartbeatMs?: number;
  /** Server-Sent Events: a client whose unsent bytes would pass this is cut off; default DEFAULT_SSE_MAX_BUFFER_BYTES. */
  sseMaxBufferedBytes?: number;
}

export const DEFAULT_SSE_HEARTBEAT_MS = 15_000;
export const DEFAULT_SSE_MAX_BUFFER_BYTES = 1024 * 1024;

/** How this instance delivers webhooks. */
export interface WebhookDelivery {
  /** This instance delivers (only one instance of a store should; docs/decisions.md). */
  dispatch: boolean;
  /** A delivery not answered within this time has failed. */
  requestTimeoutMs: number;
  /** Retries wait a random time up to min(cap, base × 2^(attempt − 1)) (exponential backoff, full jitter). */
  retryBaseMs: number;
  retryCapMs: number;
  /** This many failed attempts in a row pause the webhook until finance resumes it. */
  pauseAfterFailures: number;
  /** How often the dispatcher looks for registrations, pauses, resumes and removals. */
  pollMs: number;
  /** Base64 of the 32-byte key that encrypts webhook secrets in the store; unset: a key created once in the data folder. */
  secretsKey?: string;
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDelivery = {
  dispatch: true,
  requestTimeoutMs: 10_000,
  retryBaseMs: 30_000,
  retryCapMs: 3_600_000,
  pauseAfterFailures: 10,
  pollMs: 1000,
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const bootstrapKey = env.BILLING_BOOTSTRAP_KEY || undefined;
  if (bootstrapKey !== undefined && bootstrapKey.length < 16) throw new ConfigError('BILLING_BOOTSTRAP_KEY must be at least 16 characters');
  // The key is stored on the first start, so one no client could send would lock finance out for good.
  if (bootstrapKey !== undefined && !isBearerToken(bootstrapKey))
    throw new ConfigError(
      `BILLING_BOOTSTRAP_KEY cannot be sent as a bearer token: use at most ${MAX_API_KEY_LENGTH} letters, digits and - . _ ~ + / (= only at the end), no spaces`,
    );
  return {
    port,
    dataDir: resolve(env.LEDGER_DATA_DIR || './data'),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    bootstrapKey,
    readYourWritesTimeoutMs: 5000,
    ...dailyAccrual(env),
    ...ledgerSigningKey(env),
    webhooks: webhookDelivery(env),
    ...eventStreams(env),
    ...auditSnapshots(env),
  };
}

/** `LEDGER_AUDIT_SNAPSHOT_SECONDS` (default 60; 0: no background snapshots), docs/audit.md. */
function auditSnapshots(env: NodeJS.ProcessEnv): Pick<AppConfig, 'auditSnapshotSweepMs'> {
  const seconds = env.LEDGER_AUDIT_SNAPSHOT_SECONDS || '60';
  if (!/^\d{1,6}$/.test(seconds)) throw new ConfigError(`LEDGER_AUDIT_SNAPSHOT_SECONDS must be a whole number of seconds (0: off), got "${seconds}"`);
  return Number(seconds) ? { auditSnapshotSweepMs: Number(seconds) * 1000 } : {};
}

/** `LEDGER_SSE_HEARTBEAT_SECONDS` (default 15) and `LEDGER_SSE_MAX_BUFFER_BYTES` (default 1 MiB), docs/event-feed.md. */
function eventStreams(env: NodeJS.ProcessEnv): Pick<AppConfig, 'sseHeartbeatMs' | 'sseMaxBufferedBytes'> {
  const seconds = env.LEDGER_SSE_HEARTBEAT_SECONDS || String(DEFAULT_SSE_HEARTBEAT_MS / 1000);
  if (!/^\d{1,4}$/.test(seconds) || Number(seconds) < 1 || Number(seconds) > 3600)
    throw new ConfigError(`LEDGER_SSE_HEARTBEAT_SECONDS must be a whole number of seconds from 1 to 3600, got "${seconds}"`);
  const bytes = env.LEDGER_SSE_MAX_BUFFER_BYTES || String(DEFAULT_SSE_MAX_BUFFER_BYTES);
  if (!/^\d{1,10}$/.test(bytes) || Number(bytes) < 65_536 || Number(bytes) > 1024 ** 3)
    throw new ConfigError(`LEDGER_SSE_MAX_BUFFER_BYTES must be a whole number of bytes from 65536 to 1073741824, got "${bytes}"`);
  return { sseHeartbeatMs: Number(seconds) * 1000, sseMaxBufferedBytes: Number(bytes) };
}

/** `LEDGER_ACCRUE_DAILY=true` turns the daily accrual on, at `LEDGER_ACCRUE_HOUR` (UTC, default 2); off unless set. */
function dailyAccrual(env: NodeJS.ProcessEnv): Pick<AppConfig, 'accrueDailyAtHour'> {
  const daily = env.LEDGER_ACCRUE_DAILY ?? '';
  if (daily !== '' && daily !== 'true' && daily !== 'false') throw new ConfigError(`LEDGER_ACCRUE_DAILY must be true or false, got "${daily}"`);
  const hour = env.LEDGER_ACCRUE_HOUR || '2';
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) throw new ConfigError(`LEDGER_ACCRUE_HOUR must be an hour of the day (UTC), 0 to 23, got "${hour}"`);
  return daily === 'true' ? { accrueDailyAtHour: Number(hour) } : {};
}

/** `LEDGER_WEBHOOKS_*` (docs/webhooks.md): only what is set; the rest takes its default. */
function webhookDelivery(env: NodeJS.ProcessEnv): Partial<WebhookDelivery> {
  const settings: Partial<WebhookDelivery> = {};
  const dispatch = env.LEDGER_WEBHOOKS_DISPATCH ?? '';
  if (dispatch !== '' && dispatch !== 'true' && dispatch !== 'false')
    throw new ConfigError(`LEDGER_WEBHOOKS_DISPATCH must be true or false, got "${dispatch}"`);
  if (dispatch !== '') settings.dispatch = dispatch === 'true';
  const wholeNumbers: [keyof WebhookDelivery, string, number][] = [
    ['requestTimeoutMs', 'LEDGER_WEBHOOKS_TIMEOUT_MS', 1],
    ['retryBaseMs', 'LEDGER_WEBHOOKS_RETRY_BASE_MS', 1],
    ['retryCapMs', 'LEDGER_WEBHOOKS_RETRY_CAP_MS', 1],
    ['pauseAfterFailures', 'LEDGER_WEBHOOKS_PAUSE_AFTER', 1],
    ['pollMs', 'LEDGER_WEBHOOKS_POLL_MS', 10],
  ];
  for (const [field, name, least] of wholeNumbers) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^\d{1,10}$/.test(value) || Number(value) < least) throw new ConfigError(`${name} must be a whole number of at least ${least}, got "${value}"`);
    (settings as Record<string, number>)[field] = Number(value);
  }
  const key = env.LEDGER_WEBHOOK_SECRETS_KEY;
  if (key) {
    if (Buffer.from(key, 'base64').length !== 32) throw new ConfigError('LEDGER_WEBHOOK_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
    settings.secretsKey = key;
  }
  return settings;
}

/** `LEDGER_SIGNING_KEY`: an Ed25519 private key, PEM (PKCS#8); `\n` escapes, as some secret stores write them, are read as line breaks. */
function ledgerSigningKey(env: NodeJS.ProcessEnv): Pick<AppConfig, 'signingKeyPem'> {
  if (!env.LEDGER_SIGNING_KEY) return {};
  const pem = env.LEDGER_SIGNING_KEY.replace(/\\n/g, '\n');
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    throw new ConfigError('LEDGER_SIGNING_KEY must be a PEM private key (openssl genpkey -algorithm ed25519)');
  }
  if (type !== 'ed25519') throw new ConfigError(`LEDGER_SIGNING_KEY must be an Ed25519 key, got ${type}`);
  return { signingKeyPem: pem };
}

export const eventStoreFile = (config: AppConfig) => join(config.dataDir, 'ledger.sqlite');
export const readModelFile = (config: AppConfig) => join(config.dataDir, 'read-models.sqlite');
