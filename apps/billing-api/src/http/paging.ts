import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { PageBounds } from '@billing/projections';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;
/** Far beyond any list's length, and well inside what SQLite's 64-bit OFFSET and a JSON number hold exactly. */
export const MAX_OFFSET = 10_000_000;

/** `limit` and `offset` of a list that comes in pages; a list's request class extends it with its filters. */
export class PageRequest {
  @ApiPropertyOptional({ type: 'integer', description: 'Items in the page', default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Items skipped before the page, in the list’s order', default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

/** The page a request asks for, defaults applied. */
export const pageBounds = ({ limit, offset }: PageRequest): PageBounds => ({ limit: limit ?? DEFAULT_PAGE_SIZE, offset: offset ?? 0 });

/** One page of a list: its items, how many items the filter selects in all, and the page asked for. */
export interface PageAnswer<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const pageAnswer = <T>(items: T[], total: number, { limit, offset }: PageBounds): PageAnswer<T> => ({ items, total, limit, offset });

/** The OpenAPI answer of a paged list; `extra` names fields an endpoint adds beside the page (the dashboard's totals). */
export const ApiPageResponse = (description: string, extra: Record<string, { type: 'object'; description: string }> = {}) =>
  applyDecorators(
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'limit', 'offset', ...Object.keys(extra)],
        properties: {
          items: { type: 'array', items: { type: 'object' } },
          total: { type: 'integer', description: 'Items the filter selects, over every page' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
          ...extra,
        },
      },
    }),
  );
