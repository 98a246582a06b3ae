import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, Matches } from 'class-validator';
import { ArrayOfDistinct } from '../../http/array-of-distinct';
import { OptionalBusinessDate } from '../../http/business-date-field';
import { decimalText } from '../../http/decimal-field';
import { ID_PATTERN } from '../../http/ids';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';

export const OVERRIDE_FIELDS = ['hoursToBill', 'hourlyRate', 'amount'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];

/** What the approver may change of one item (labour: any; charges and expenses: amount), as documented. */
export class ItemOverrideRequest {
  @ApiPropertyOptional({ example: '1.5', description: 'At least 0, at most 24, up to 4 places' })
  hoursToBill?: string | number;

  @ApiPropertyOptional({ example: '95' })
  hourlyRate?: string | number;

  @ApiPropertyOptional({ example: '120.00' })
  amount?: string | number;
}

const isOverrideField = (key: string): key is OverrideField => (OVERRIDE_FIELDS as readonly string[]).includes(key);

export class PostItemsRequest implements CheckedRequest {
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
  overrides?: Record<string, unknown>;

  /** Overrides are keyed by item id, so no field decorator sees their fields: each is checked here, every problem named by its path. */
  problems(): FieldProblem[] {
    const problems: FieldProblem[] = [];
    for (const [itemId, value] of Object.entries(this.overrides ?? {})) {
      const field = `overrides.${itemId}`;
      if (!this.itemIds.includes(itemId)) problems.push({ field, message: `item ${itemId} is not in itemIds` });
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ field, message: 'must be an object { hoursToBill?, hourlyRate?, amount? }' });
        continue;
      }
      for (const [key, v] of Object.entries(value)) {
        if (!isOverrideField(key)) {
          problems.push({ field: `${field}.${key}`, message: `unknown field: ${key} is not accepted here` });
          continue;
        }
        const text = decimalText(v);
        const places = text?.split('.')[1]?.length ?? 0;
        if (text === undefined || places > 4 || text.startsWith('-') || (key === 'hoursToBill' && Number(text) > 24))
          problems.push({
            field: `${field}.${key}`,
            message: `${key} must be a decimal of at least 0 with at most 4 decimal places${key === 'hoursToBill' ? ', at most 24' : ''}`,
          });
      }
    }
    return problems;
  }
}
