import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';

const KEY_FILE = 'webhook-secrets.key';
const SEALED_PREFIX = 'v1.';

/** A new signing secret, as the server makes one when the client sends none: 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Webhook signing secrets are kept in the event store, so any instance can deliver and the store
 * stays the only source of truth; but the event log is read by integrations and auditors, so a
 * secret is stored sealed (AES-256-GCM) under the service's webhook key, never in plain text.
 * Its fingerprint (an HMAC under the same key) tells a retried registration from another one
 * without revealing the secret, even a short one.
 */
export class WebhookSecrets {
  private readonly sealingKey: Buffer;
  private readonly fingerprintKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the webhook secrets key must be 32 bytes');
    this.sealingKey = createHmac('sha256', key).update('webhook-secret-sealing').digest();
    this.fingerprintKey = createHmac('sha256', key).update('webhook-secret-fingerprint').digest();
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${SEALED_PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
  }

  /** The secret; throws when it was sealed under another key or altered. */
  open(sealed: string): string {
    if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not a sealed webhook secret');
    const [iv, tag, data] = sealed
      .slice(SEALED_PREFIX.length)
      .split('.')
      .map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.sealingKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }

  fingerprint(secret: string): string {
    return createHmac('sha256', this.fingerprintKey).update(secret, 'utf8').digest('hex');
  }
}

/**
 * The key from `LEDGER_WEBHOOK_SECRETS_KEY`, else `webhook-secrets.key` in the data folder,
 * created on first use (readable by the service's user only); for an in-memory store, a key that
 * lives as long as the process.
 */
export function webhookSecretsKey(config: AppConfig): Buffer {
  if (config.webhooks?.secretsKey) return Buffer.from(config.webhooks.secretsKey, 'base64');
  if (config.dataDir === ':memory:') return randomBytes(32);
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, KEY_FILE);
  try {
    // `wx`: two instances starting at once on one folder do not each write a key of their own.
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
  chmodSync(file, 0o600);
  return key;
}
