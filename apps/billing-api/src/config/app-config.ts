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
}

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
  };
}

/** `LEDGER_ACCRUE_DAILY=true` turns the daily accrual on, at `LEDGER_ACCRUE_HOUR` (UTC, default 2); off unless set. */
function dailyAccrual(env: NodeJS.ProcessEnv): Pick<AppConfig, 'accrueDailyAtHour'> {
  const daily = env.LEDGER_ACCRUE_DAILY ?? '';
  if (daily !== '' && daily !== 'true' && daily !== 'false') throw new ConfigError(`LEDGER_ACCRUE_DAILY must be true or false, got "${daily}"`);
  const hour = env.LEDGER_ACCRUE_HOUR || '2';
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) throw new ConfigError(`LEDGER_ACCRUE_HOUR must be an hour of the day (UTC), 0 to 23, got "${hour}"`);
  return daily === 'true' ? { accrueDailyAtHour: Number(hour) } : {};
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
