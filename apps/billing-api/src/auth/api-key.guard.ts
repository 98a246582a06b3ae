import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type Database from 'better-sqlite3';
import type { ActorRole } from '@billing/domain';
import { findApiKeyByHash } from '@billing/projections';
import { READ_MODEL_DB } from '../infrastructure/read-model-db.token';
import { hashApiKey } from './api-key-hash';
import type { AuthenticatedRequest } from './caller';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * Every endpoint declares who may call it (`@Roles` or `@Public`); one that declares nothing is
 * refused to everyone, so a forgotten declaration fails closed.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ROLES_KEY, targets);

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '');
    if (!match) throw new UnauthorizedException('send an API key: Authorization: Bearer <key>');
    const key = findApiKeyByHash(this.db, hashApiKey(match[1]));
    if (!key) throw new UnauthorizedException('unknown API key');
    request.caller = { apiKeyId: key.id, role: key.role };

    if (!roles?.length) throw new ForbiddenException('this endpoint declares no roles, so nobody may call it');
    if (!roles.includes(key.role)) throw new ForbiddenException(`role ${key.role} may not do this; allowed: ${roles.join(', ')}`);
    return true;
  }
}
