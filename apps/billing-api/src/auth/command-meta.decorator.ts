import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { CORRELATION_HEADER } from '../http/request-log.middleware';
import type { CommandMetadata } from '../infrastructure/stream-decisions';
import type { AuthenticatedRequest } from './caller';

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
