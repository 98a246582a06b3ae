import { createHash, randomUUID } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Optional } from './optional';

/** Client ids: letters, digits and `._:-`, up to 100 characters (they become part of stream names). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const ID_PATTERN_MESSAGE = 'must be 1 to 100 letters, digits or . _ : - (starting with a letter or digit)';

/** An id field (its message names the field). */
export const IsId = () => Matches(ID_PATTERN, { message: ({ property }) => `${property} ${ID_PATTERN_MESSAGE}` });

/** An optional id field (a filter, a reference that may be absent; not null). */
export const OptionalId = (api?: ApiPropertyOptions) => applyDecorators(ApiPropertyOptional(api), Optional(), IsId());

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * The id of a created thing: the client's, else one derived from its Idempotency-Key (so a retry
 * names the same thing), else a new UUID.
 */
export function resolveCreateId(scope: string, clientId: string | undefined, idempotencyKey: string | undefined): string {
  if (clientId) return clientId;
  if (idempotencyKey) {
    const hex = createHash('sha256').update(`${scope}\u0000${idempotencyKey}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  return randomUUID();
}
