import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, Matches } from 'class-validator';
import { ArrayOfDistinct } from '../../http/array-of-distinct';
import { IsBusinessDate } from '../../http/decimal-field';
import { ID_PATTERN } from '../../http/ids';

export class PostItemsRequest {
  @ApiProperty({ type: [String], description: 'Source item ids (time entry, charge, expense, purchase ids; `ticket:<id>` for a completed ticket)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @ArrayOfDistinct()
  @Matches(ID_PATTERN, { each: true, message: 'each item id must be an id' })
  itemIds!: string[];

  @ApiPropertyOptional({ description: 'The posted date; today when absent' })
  @IsOptional()
  @IsBusinessDate()
  postedDate?: string;

  @ApiPropertyOptional({
    description: 'By item id: { hoursToBill?, hourlyRate?, amount? } (labour: any; charges and expenses: amount). The originals stay in the event.',
    example: { 'te-1': { hoursToBill: '1.5' } },
  })
  @IsOptional()
  @IsObject()
  overrides?: Record<string, unknown>;
}
