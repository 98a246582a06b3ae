import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsDecimalField } from '../../http/decimal-field';
import { IsId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';

export class PurchaseBlockRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'blk-2026-01' })
  @IsOptional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ type: String, example: '20', description: 'Prepaid hours, greater than 0' })
  @IsDecimalField({ greaterThan: '0' })
  hours!: string | number;

  @ApiProperty({ type: String, example: '120.00', description: 'The block rate per hour' })
  @IsDecimalField({ min: '0' })
  hourlyRate!: string | number;

  @ApiProperty({ example: '2026-01-01', description: 'Inside the contract dates' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-06-30', description: 'On or after the start date, inside the contract dates' })
  @IsBusinessDate()
  endDate!: string;
}
