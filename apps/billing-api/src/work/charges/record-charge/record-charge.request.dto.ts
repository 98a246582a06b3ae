import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { DECIMAL_SCHEMA, IsDecimalField, itemAmountProblems } from '../../../http/decimal-field';
import { IsId, OptionalId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';
import type { FieldProblem } from '../../../http/problem';
import type { CheckedRequest } from '../../../http/validation';

export class RecordChargeRequest implements CheckedRequest {
  @OptionalId()
  id?: string;

  @ApiProperty()
  @IsId()
  accountId!: string;

  @OptionalId()
  contractId?: string;

  @OptionalId()
  billingCodeId?: string;

  @OptionalId({ description: 'The person whose work it is; a technician key records its own (and may name no other)' })
  resourceId?: string;

  @ApiProperty({ example: 'SSD 1 TB' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  date!: string;

  @ApiProperty({ ...DECIMAL_SCHEMA, example: '2', description: 'More than 0: a decimal string or a JSON number, up to 4 places' })
  @IsDecimalField({ greaterThan: '0', max: MAX_ITEM_AMOUNT })
  quantity!: string | number;

  @ApiProperty({ example: '129.99' })
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  unitPrice!: string | number;

  @ApiPropertyOptional({ example: '80', default: '0' })
  @Optional()
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  unitCost?: string | number;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional({ description: 'Its own purchase order number; else the contract’s' })
  @Optional()
  @IsPlainText({ max: 100 })
  purchaseOrderNumber?: string;

  problems(): FieldProblem[] {
    return itemAmountProblems('unitPrice', { quantity: this.quantity, unitPrice: this.unitPrice });
  }
}
