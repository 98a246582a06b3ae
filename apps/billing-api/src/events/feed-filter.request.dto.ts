import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy } from 'class-validator';
import { Optional } from '../http/optional';
import { CATEGORY_PATTERN, EVENT_TYPE_PATTERN, MAX_FILTER_NAMES, type FeedFilter } from './feed-filter';
import { parsePosition, POSITION_MESSAGE } from './feed-position';

const namesOf = (list: string) => list.split(',');

/** A comma-separated list of 1 to MAX_FILTER_NAMES names, each matching `pattern`. */
function IsNameList(pattern: RegExp, what: string): PropertyDecorator {
  return ValidateBy({
    name: 'isNameList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && namesOf(value).length <= MAX_FILTER_NAMES && namesOf(value).every((name) => pattern.test(name)),
      defaultMessage: (args) =>
        Array.isArray(args?.value)
          ? `${args?.property} must be given once, as a comma-separated list`
          : `${args?.property} must be a comma-separated list of 1 to ${MAX_FILTER_NAMES} ${what} (letters, digits and ${what === 'categories' ? '_ . :' : '_ . : -'}, starting with a letter)`,
    },
  });
}

export const DEFAULT_EVENT_PAGE = 100;
export const MAX_EVENT_PAGE = 1000;

/** How many events a page holds at most (`limit`), 1 to MAX_EVENT_PAGE. */
export const EventPageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', description: 'Events in the page, at most', default: DEFAULT_EVENT_PAGE, minimum: 1, maximum: MAX_EVENT_PAGE }),
    Optional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_EVENT_PAGE),
  );

/** A global position or a stream revision, as a decimal string (64-bit: JSON numbers cannot hold them all). */
export const OptionalPosition = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'string', pattern: '^(0|[1-9][0-9]{0,18})$', description, example: '0' }),
    Optional(),
    ValidateBy({
      name: 'isPosition',
      validator: {
        validate: (value: unknown) => parsePosition(value) !== undefined,
        defaultMessage: (args) => `${args?.property} ${POSITION_MESSAGE}`,
      },
    }),
  );

/** The filters of the event feed, the same for the paged log and the Server-Sent Events. */
export class FeedFilterRequest {
  @ApiPropertyOptional({ description: 'Event types, comma-separated (`ItemPosted,InvoiceGenerated`); absent: every type', example: 'ItemPosted' })
  @Optional()
  @IsNameList(EVENT_TYPE_PATTERN, 'event types')
  types?: string;

  @ApiPropertyOptional({
    description: 'Stream categories, comma-separated: a stream id up to its first `-` (`ledger` for `ledger-acme`); absent: every category',
    example: 'ledger',
  })
  @Optional()
  @IsNameList(CATEGORY_PATTERN, 'categories')
  category?: string;

  feedFilter(): FeedFilter {
    return {
      ...(this.types !== undefined ? { types: namesOf(this.types) } : {}),
      ...(this.category !== undefined ? { categories: namesOf(this.category) } : {}),
    };
  }
}
