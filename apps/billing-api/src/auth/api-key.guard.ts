import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { findApiKeyByHash } from '@billing/projections';
import { READ_MODEL_DB } from '../infrastructure/read-model-db.token';
import { ACCESS_POLICY, accessKey } from './access-policy';
import { hashApiKey } from './api-key-hash';
import { ApiKeyStanding } from './api-key-standing';
import { ApiKeyUsage } from './api-key-usage';
import { bearerToken } from './bearer-token';
import type { AuthenticatedRequest } from './caller';

/**
 * Checks every request against the access policy table; a route without a row is refused to
 * everyone, so a forgotten row fails closed. The key is found by its hash in the read model, and
 * its standing (revoked? replaced?) confirmed by `ApiKeyStanding`.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly usage: ApiKeyUsage,
    private readonly standing: ApiKeyStanding,
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
    if (found.revokedAt || !(await this.standing.stillCurrent(found.id, keyHash))) throw new UnauthorizedException('this API key was revoked or replaced');
    request.caller = { apiKeyId: found.id, role: found.role, resourceId: found.resourceId };
    this.usage.used(found.id);

    if (!access) throw new ForbiddenException('this endpoint has no row in the access policy, so nobody may call it');
    if (!access.roles.includes(found.role)) throw new ForbiddenException(`role ${found.role} may not do this; allowed: ${access.roles.join(', ')}`);
    return true;
  }
}
