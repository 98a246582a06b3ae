import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MAX_HOURLY_RATE, MAX_ITEM_AMOUNT } from '@billing/domain';
import { IsDecimalField, itemAmountProblems } from '../../http/decimal-field';
import { IsId, OptionalId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';
import { Optional } from '../../http/optional';

export class PurchaseBlockRequest implements CheckedRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'blk-2026-01' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ type: String, example: '20', description: 'Prepaid hours, greater than 0' })
  @IsDecimalField({ greaterThan: '0', max: MAX_ITEM_AMOUNT })
  hours!: string | number;

  @ApiProperty({
    type: String,
    example: '120.00',
    description: `The block rate per hour, at most ${MAX_HOURLY_RATE}; hours × hourlyRate at most ${MAX_ITEM_AMOUNT}`,
  })
  @IsDecimalField({ min: '0', max: MAX_HOURLY_RATE })
  hourlyRate!: string | number;

  @ApiProperty({ example: '2026-01-01', description: 'Inside the contract dates' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-06-30', description: 'On or after the start date, inside the contract dates' })
  @IsBusinessDate()
  endDate!: string;

  @OptionalId({ description: 'A billing code: gives the purchase item its tax category; none: untaxed' })
  billingCodeId?: string;

  problems(): FieldProblem[] {
    return itemAmountProblems('hourlyRate', { hours: this.hours, hourlyRate: this.hourlyRate });
  }
}
