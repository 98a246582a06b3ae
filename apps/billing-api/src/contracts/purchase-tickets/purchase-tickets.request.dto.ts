import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsDecimalField } from '../../http/decimal-field';
import { IsId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';

export class PurchaseTicketsRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'tix-2026-01' })
  @IsOptional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 20, description: 'A whole number of tickets, at least 1' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  tickets!: number;

  @ApiProperty({ type: String, example: '45.00' })
  @IsDecimalField({ min: '0' })
  perTicketRate!: string | number;

  @ApiProperty({ example: '2026-01-01', description: 'Inside the contract dates' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-12-31', description: 'On or after the start date, inside the contract dates' })
  @IsBusinessDate()
  endDate!: string;
}
