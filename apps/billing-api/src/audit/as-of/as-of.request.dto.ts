import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { Optional } from '../../http/optional';
import { parseAsOf } from './as-of';

/** `asOf`: a date `YYYY-MM-DD` (the end of that day, UTC, by when events were recorded) or a global position; absent: now. */
export const AsOfField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'A date YYYY-MM-DD (everything the store had recorded by the end of that day, UTC) or a global position (digits: everything up to and including that event). Absent: the store as it is now.',
      example: '2026-10-31',
    }),
    Optional(),
    ValidateBy({
      name: 'isAsOf',
      validator: {
        validate: (value: unknown) => typeof parseAsOf(value) !== 'string',
        defaultMessage: (args) => parseAsOf(args?.value) as string,
      },
    }),
  );

export class AsOfRequest {
  @AsOfField()
  asOf?: string;
}
