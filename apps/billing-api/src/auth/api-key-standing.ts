import { Injectable } from '@nestjs/common';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { StreamDecisions } from '../infrastructure/stream-decisions';

/** How long a key's standing, read from its own stream, is trusted before it is read again. */
export const KEY_STANDING_TTL_MS = 1000;

/**
 * Whether a key is still issued under its hash (not revoked, not rotated away), read from the key's
 * own stream at most a second old: a revocation stops the key on every instance within a second,
 * even one whose read models lag. The guard asks it for every request, and an event stream (one
 * request that lasts for days) asks it again as it goes.
 */
@Injectable()
export class ApiKeyStanding {
  private readonly known = new Map<string, { keyHash: string; checkedAt: number; current: boolean }>();

  constructor(private readonly streams: StreamDecisions) {}

  async stillCurrent(apiKeyId: string, keyHash: string): Promise<boolean> {
    const known = this.known.get(apiKeyId);
    if (known && known.keyHash === keyHash && Date.now() - known.checkedAt < KEY_STANDING_TTL_MS) return known.current;
    const { state } = await this.streams.loadShared(apiKeyStream(apiKeyId), apiKeyDecider);
    const current = state.status === 'issued' && state.key.keyHash === keyHash;
    this.known.set(apiKeyId, { keyHash, checkedAt: Date.now(), current });
    return current;
  }
}
