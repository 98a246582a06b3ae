import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';

/** A caller's correlation id is kept only if it is a short token that is safe in logs and headers. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Query parameters whose value is a credential, whatever their case (`?key=`, `?api_key=`, `?access_token=`, …). */
const SECRET_PARAMETER = /^(api[-_]?key|key|access[-_]?token|token|auth|authorization|bearer)$/i;
const REDACTED = '[redacted]';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** An API key (`blk_…`), however it is escaped. */
const looksLikeApiKey = (text: string) => /blk_/i.test(decoded(text));

/** The URL as it may be logged: the values of credential parameters, and anything that looks like an API key, redacted. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at))
    .split('/')
    .map((segment) => (looksLikeApiKey(segment) ? REDACTED : segment))
    .join('/');
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      if (looksLikeApiKey(name)) return REDACTED;
      return eq >= 0 && (SECRET_PARAMETER.test(decoded(name)) || looksLikeApiKey(pair.slice(eq + 1))) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/**
 * Gives every request a correlation id (the caller's, or a new one) and logs it when it ends. It
 * runs before the body parser (create-app.ts), so a body refused there is logged too.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.header(CORRELATION_HEADER);
    const correlationId = given && CORRELATION_ID.test(given) ? given : randomUUID();
    request.headers[CORRELATION_HEADER] = correlationId;
    response.setHeader('X-Correlation-Id', correlationId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      this.logger.log({
        msg: 'request',
        method: request.method,
        path: loggableUrl(request.originalUrl),
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        correlationId,
        actor: (request as Request & { caller?: { apiKeyId: string } }).caller?.apiKeyId,
      });
    });
    next();
  }
}
