import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Gives every request a correlation id (the caller's, or a new one) and logs it when it ends. */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.header(CORRELATION_HEADER);
    const correlationId = given && given.length <= 200 ? given : randomUUID();
    request.headers[CORRELATION_HEADER] = correlationId;
    response.setHeader('X-Correlation-Id', correlationId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      this.logger.log({
        msg: 'request',
        method: request.method,
        path: request.originalUrl,
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        correlationId,
        actor: (request as Request & { caller?: { apiKeyId: string } }).caller?.apiKeyId,
      });
    });
    next();
  }
}
