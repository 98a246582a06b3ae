import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId, OptionalId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

export class RecordExpenseRequest {
  @OptionalId()
  id?: string;

  @ApiProperty()
  @IsId()
  accountId!: string;

  @OptionalId()
  contractId?: string;

  @OptionalId({ description: 'A billing code (of type expense): gives the expense its tax category; none: untaxed' })
  billingCodeId?: string;

  @OptionalId({ description: 'The person who spent it; a technician key records its own (and may name no other)' })
  resourceId?: string;

  @ApiProperty({ example: 'mileage' })
  @IsPlainText({ max: 100 })
  category!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  date!: string;

  @ApiProperty({ example: '42.80' })
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  amount!: string | number;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsPlainText({ min: 0, max: 2000, multiline: true })
  description?: string;
}
