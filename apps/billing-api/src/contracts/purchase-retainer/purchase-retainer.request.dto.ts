import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { IsDecimalField } from '../../http/decimal-field';
import { IsId, OptionalId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';
import { Optional } from '../../http/optional';

export class PurchaseRetainerRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'ret-2026-q1' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ type: String, example: '5000.00', description: `Prepaid money, greater than 0, at most ${MAX_ITEM_AMOUNT}` })
  @IsDecimalField({ greaterThan: '0', max: MAX_ITEM_AMOUNT })
  amount!: string | number;

  @ApiProperty({ example: '2026-01-01', description: 'Inside the contract dates' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-03-31', description: 'On or after the start date, inside the contract dates' })
  @IsBusinessDate()
  endDate!: string;

  @OptionalId({ description: 'A billing code: gives the purchase item its tax category; none: untaxed' })
  billingCodeId?: string;
}
