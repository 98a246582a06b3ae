import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ActorRole } from '@billing/domain';
import type { CommandMetadata } from '../infrastructure/stream-decisions';
import { CORRELATION_HEADER } from '../http/request-log.middleware';

/** The authenticated caller, set by the API key guard. */
export interface Caller {
  apiKeyId: string;
  role: ActorRole;
}

export type AuthenticatedRequest = Request & { caller?: Caller };

/** The metadata of the command a request makes: who, which request, and when. */
export const CommandMeta = createParamDecorator((_data: unknown, context: ExecutionContext): CommandMetadata => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const caller = request.caller;
  return {
    actor: caller?.apiKeyId ?? 'anonymous',
    actorRole: caller?.role ?? 'none',
    correlationId: String(request.headers[CORRELATION_HEADER] ?? randomUUID()),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
  };
});
