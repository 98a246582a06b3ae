import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { keyIdOf } from '@billing/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

export const SIGNING_KEY_FILE = 'signing-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** Where it came from, for the log: never the key. */
  source: 'LEDGER_SIGNING_KEY' | 'file' | 'memory';
}

/**
 * The Ed25519 key that signs audit digests: `LEDGER_SIGNING_KEY` when set, else
 * `<dataDir>/signing-key.pem`, created (mode 0600) on the first start and read on every later one;
 * kept in memory only for a `:memory:` data folder (tests).
 */
export function loadSigningKey(config: Pick<AppConfig, 'dataDir' | 'signingKeyPem'>, logger?: Pick<Logger, 'warn'>): SigningKey {
  if (config.signingKeyPem) return signingKey(createPrivateKey(config.signingKeyPem), 'LEDGER_SIGNING_KEY');
  if (config.dataDir === ':memory:') return signingKey(generateKeyPairSync('ed25519').privateKey, 'memory');

  const file = join(config.dataDir, SIGNING_KEY_FILE);
  if (!exists(file)) createKeyFile(config.dataDir, file);
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) logger?.warn(`${file} can be read by others (mode ${mode.toString(8)}): chmod 600 it`);
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key, not an Ed25519 one`);
  return signingKey(privateKey, 'file');
}

function signingKey(privateKey: KeyObject, source: SigningKey['source']): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), source };
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Written whole under another name, then linked into place: two instances starting at once keep the one that got there first. */
function createKeyFile(dir: string, file: string): void {
  mkdirSync(dir, { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  const draft = `${file}.${randomUUID()}.tmp`;
  writeFileSync(draft, pem, { mode: 0o600, flag: 'wx', flush: true });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
}

/** The service's signing key, loaded (or created) once at start. */
@Injectable()
export class LedgerSigningKey {
  private readonly logger = new Logger('LedgerSigningKey');
  readonly key: SigningKey;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = loadSigningKey(config, this.logger);
  }
}
