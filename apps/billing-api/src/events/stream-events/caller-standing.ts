import { Injectable } from '@nestjs/common';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { hashApiKey } from '../../auth/api-key-hash';
import { StreamDecisions } from '../../infrastructure/stream-decisions';

/**
 * Whether the key an event stream was opened with is still issued under that key (not revoked,
 * not rotated away), read from its own stream as the guard reads it: the guard checks a request
 * once, and an event stream is one request that lasts for days.
 */
@Injectable()
export class CallerStanding {
  constructor(private readonly streams: StreamDecisions) {}

  async stillCurrent(apiKeyId: string, key: string): Promise<boolean> {
    const { state } = await this.streams.loadShared(apiKeyStream(apiKeyId), apiKeyDecider);
    return state.status === 'issued' && state.key.keyHash === hashApiKey(key);
  }
}
