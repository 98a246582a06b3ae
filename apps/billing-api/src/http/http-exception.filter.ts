import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Conflict, DomainError, NotFound, RuleViolation } from '@billing/domain';
import { WrongExpectedVersion } from '@billing/event-store';
import type { ProblemBody } from './problem';
import { loggableUrl } from './request-log.middleware';
import { RequestValidationError } from './validation';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  /** The Content-Encoding body-parser does not know. */
  encoding?: string;
  /** Set by zlib when a compressed body does not decode. */
  code?: string;
  /** Set by http-errors, which body-parser and raw-body use; Nest's exceptions have none. */
  expose?: boolean;
}

/** Maps every failure to the error shapes of docs/http-api.md; only a real fault is a 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const [status, body] = this.toProblem(exception, request);
    if (status >= 500) {
      this.logger.error(`${request.method} ${loggableUrl(request.originalUrl)} failed: ${exception instanceof Error ? exception.stack : String(exception)}`);
    }
    if (!response.headersSent) response.status(status).json(body);
  }

  private toProblem(exception: unknown, request: Request): [number, ProblemBody] {
    if (exception instanceof RequestValidationError) return [400, { error: 'validation', details: exception.details }];
    if (exception instanceof NotFound) return [404, { error: 'not_found', message: exception.message }];
    if (exception instanceof Conflict) return [409, { error: 'conflict', message: exception.message, code: exception.code }];
    if (exception instanceof RuleViolation) return [422, { error: 'rule', rule: exception.rule, message: exception.message }];
    if (exception instanceof WrongExpectedVersion) return [409, { error: 'conflict', message: 'changed concurrently; try again', code: 'concurrency' }];
    if (exception instanceof DomainError) return [422, { error: 'rule', rule: 'domain', message: exception.message }];

    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed')
      return [400, { error: 'validation', details: [{ field: '(body)', message: 'the body is not valid JSON' }] }];
    if (parserError?.type === 'entity.too.large')
      return [400, { error: 'validation', details: [{ field: '(body)', message: `the body is larger than the limit of ${parserError.limit} bytes` }] }];
    if (parserError?.type === 'charset.unsupported')
      return [400, { error: 'validation', details: [{ field: '(body)', message: 'the body must be UTF-8 JSON' }] }];
    if (parserError?.type === 'encoding.unsupported')
      return [
        415,
        { error: 'unsupported_media_type', message: `Content-Encoding ${parserError.encoding} is not supported; send identity, gzip, deflate or br` },
      ];
    // The body ended before its Content-Length, or the client went away while sending it.
    if (parserError?.expose === true && (parserError.type === 'request.size.invalid' || parserError.type === 'request.aborted'))
      return [400, { error: 'validation', details: [{ field: '(body)', message: 'the body is not as long as its Content-Length' }] }];
    if (parserError?.expose === true && parserError.type === undefined && parserError.code !== undefined)
      return [
        400,
        {
          error: 'validation',
          details: [{ field: '(body)', message: `the body could not be decoded (Content-Encoding ${request.headers['content-encoding']})` }],
        },
      ];

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message = exception.message;
      switch (status) {
        case HttpStatus.UNAUTHORIZED:
          return [status, { error: 'unauthenticated', message }];
        case HttpStatus.FORBIDDEN:
          return [status, { error: 'forbidden', message }];
        case HttpStatus.NOT_FOUND:
          return [status, { error: 'not_found', message }];
        case HttpStatus.CONFLICT:
          return [status, { error: 'conflict', message }];
        case HttpStatus.BAD_REQUEST:
          // Nest turns body-parser's SyntaxError and express's URIError into a bare 400.
          if (message.startsWith('Failed to decode param')) return [status, { error: 'validation', details: [{ field: '(path)', message }] }];
          return [status, { error: 'validation', details: [{ field: '(body)', message: `the body is not valid JSON (${message})` }] }];
        case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
          return [status, { error: 'unsupported_media_type', message }];
        case HttpStatus.SERVICE_UNAVAILABLE:
          return [status, { error: 'unavailable', message }];
        default:
          if (status < 500) return [status, { error: 'rule', rule: 'http', message }];
      }
    }
    return [500, { error: 'internal', message: 'internal error; it has been logged' }];
  }
}
