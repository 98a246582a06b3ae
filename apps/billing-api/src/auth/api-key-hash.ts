import { createHash, randomBytes } from 'node:crypto';

/** Keys are 32 random bytes, so a plain SHA-256 is enough to store them (no slow hash needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newApiKey(): string {
  return `blk_${randomBytes(32).toString('base64url')}`;
}
