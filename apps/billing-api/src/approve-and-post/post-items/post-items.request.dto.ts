import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { ArrayOfDistinct } from '../../http/array-of-distinct';
import { IsDecimalField } from '../../http/decimal-field';
import { ID_PATTERN } from '../../http/ids';
import { OptionalBusinessDate } from '../../http/business-date-field';

/** What the approver may change of one item (labour: any; charges and expenses: amount). */
export class ItemOverrideRequest {
  @ApiPropertyOptional({ example: '1.5', description: 'At least 0, at most 24, up to 4 places' })
  @IsOptional()
  @IsDecimalField({ min: '0', max: '24' })
  hoursToBill?: string | number;

  @ApiPropertyOptional({ example: '95' })
  @IsOptional()
  @IsDecimalField({ min: '0' })
  hourlyRate?: string | number;

  @ApiPropertyOptional({ example: '120.00' })
  @IsOptional()
  @IsDecimalField({ min: '0' })
  amount?: string | number;
}

/** Stands in for the override of an item the request does not post, so that validation names it. */
const NOT_IN_REQUEST = 'not in itemIds';

/**
 * Overrides are keyed by item id: each becomes an `ItemOverrideRequest` in a Map, validated like any
 * nested object (its problems named `overrides.<id>.<field>`); one for an id not in `itemIds` is
 * refused as `overrides.<id>`.
 */
const toOverrideMap = Transform(({ value, obj }: { value: unknown; obj: { itemIds?: unknown } }) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const itemIds: unknown[] = Array.isArray(obj.itemIds) ? obj.itemIds : [];
  const plainObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  return new Map(
    Object.entries(value).map(([itemId, override]) => [
      itemId,
      !itemIds.includes(itemId) ? NOT_IN_REQUEST : plainObject(override) ? plainToInstance(ItemOverrideRequest, override) : override,
    ]),
  );
});

export class PostItemsRequest {
  @ApiProperty({ type: [String], description: 'Source item ids (time entry, charge, expense, purchase ids; `ticket:<id>` for a completed ticket)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @ArrayOfDistinct()
  @Matches(ID_PATTERN, { each: true, message: 'each item id must be an id' })
  itemIds!: string[];

  @OptionalBusinessDate({ description: 'The posted date; today when absent' })
  postedDate?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ItemOverrideRequest' },
    description: 'By item id: { hoursToBill?, hourlyRate?, amount? } (labour: any; charges and expenses: amount). The originals stay in the event.',
    example: { 'te-1': { hoursToBill: '1.5' } },
  })
  @IsOptional()
  @IsObject()
  @toOverrideMap
  @ValidateNested({
    each: true,
    message: ({ value }) => (value === NOT_IN_REQUEST ? 'overrides only items in itemIds' : 'must be an object { hoursToBill?, hourlyRate?, amount? }'),
  })
  overrides?: Map<string, ItemOverrideRequest>;
}
