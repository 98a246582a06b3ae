import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestValidationError } from './validation';

/** Most levels of objects and lists a body may nest (the body itself is level 1); this API's bodies need 3. */
export const MAX_BODY_DEPTH = 32;

const METHODS_WITH_BODIES = new Set(['POST', 'PUT', 'PATCH']);

/** A body is announced by a Content-Length above 0 or by a Transfer-Encoding (chunked). */
const announcesBody = (request: Request) => request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * A POST, PUT or PATCH that carries a body must say it is JSON: the JSON parser leaves any other
 * body unread, and the request would go on as if it had sent nothing. No body at all is fine.
 */
export function refuseBodiesThatAreNotJson(request: Request, _response: Response, next: NextFunction): void {
  if (METHODS_WITH_BODIES.has(request.method) && announcesBody(request) && !request.is('application/json'))
    return next(new UnsupportedMediaTypeException('the body must be JSON (Content-Type: application/json)'));
  next();
}

/** Whether a parsed JSON value nests objects or lists more than `limit` levels; iterative, so any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses a body nested deeper than MAX_BODY_DEPTH before validation walks it (recursively: 5,000 levels overflow its stack). */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (nestedDeeperThan(request.body, MAX_BODY_DEPTH))
    return next(new RequestValidationError([{ field: '(body)', message: `the body is nested deeper than ${MAX_BODY_DEPTH} levels` }]));
  next();
}
