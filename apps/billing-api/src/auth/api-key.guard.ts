import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { findApiKeyByHash } from '@billing/projections';
import { READ_MODEL_DB } from '../infrastructure/read-model-db.token';
import { StreamDecisions } from '../infrastructure/stream-decisions';
import { ACCESS_POLICY, accessKey } from './access-policy';
import { hashApiKey } from './api-key-hash';
import { ApiKeyUsage } from './api-key-usage';
import { bearerToken } from './bearer-token';
import type { AuthenticatedRequest } from './caller';

/** How long a key's standing, read from its own stream, is trusted before it is read again. */
export const KEY_STANDING_TTL_MS = 1000;

/**
 * Checks every request against the access policy table; a route without a row is refused to
 * everyone, so a forgotten row fails closed. The key is found by its hash in the read model, and
 * its standing (revoked? replaced?) is confirmed from its own stream at most a second old, so a
 * revocation stops the key on every instance within a second, even one whose read models lag.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly standing = new Map<string, { keyHash: string; checkedAt: number; current: boolean }>();

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly usage: ApiKeyUsage,
    private readonly streams: StreamDecisions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const access = ACCESS_POLICY[accessKey(request.method, (request.route as { path?: string } | undefined)?.path ?? request.path)];
    if (access?.roles === 'public') return true;

    const key = bearerToken(request.header('authorization'));
    if (!key) throw new UnauthorizedException('send an API key: Authorization: Bearer <key>');
    const keyHash = hashApiKey(key);
    const found = findApiKeyByHash(this.db, keyHash);
    if (!found) throw new UnauthorizedException('unknown API key');
    if (found.revokedAt || !(await this.stillCurrent(found.id, keyHash))) throw new UnauthorizedException('this API key was revoked or replaced');
    request.caller = { apiKeyId: found.id, role: found.role, resourceId: found.resourceId };
    this.usage.used(found.id);

    if (!access) throw new ForbiddenException('this endpoint has no row in the access policy, so nobody may call it');
    if (!access.roles.includes(found.role)) throw new ForbiddenException(`role ${found.role} may not do this; allowed: ${access.roles.join(', ')}`);
    return true;
  }

  /** Whether the key's stream still has it issued under this hash (not revoked, not rotated away). */
  private async stillCurrent(apiKeyId: string, keyHash: string): Promise<boolean> {
    const known = this.standing.get(apiKeyId);
    if (known && known.keyHash === keyHash && Date.now() - known.checkedAt < KEY_STANDING_TTL_MS) return known.current;
    const { state } = await this.streams.loadShared(apiKeyStream(apiKeyId), apiKeyDecider);
    const current = state.status === 'issued' && state.key.keyHash === keyHash;
    this.standing.set(apiKeyId, { keyHash, checkedAt: Date.now(), current });
    return current;
  }
}
