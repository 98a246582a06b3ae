import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId, OptionalId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

export class LogTimeEntryRequest {
  @OptionalId({ description: 'Client id; the server makes a UUID when absent' })
  id?: string;

  @ApiProperty({ example: 'acme' })
  @IsId()
  accountId!: string;

  @ApiProperty({ example: 'ann', description: 'The technician who did the work' })
  @IsId()
  resourceId!: string;

  @ApiProperty({ example: 'engineer' })
  @IsId()
  roleId!: string;

  @ApiProperty({ example: 'remote-support' })
  @IsId()
  workTypeId!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  dateWorked!: string;

  @ApiProperty({ example: '1.5', description: 'More than 0, at most 24; decimal string or number, up to 4 places' })
  @IsDecimalField({ greaterThan: '0', max: '24' })
  hoursWorked!: string | number;

  @ApiPropertyOptional({ example: '2026-11-16T09:00:00Z', description: 'Start of a start/stop entry (UTC); orders block consumption' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'startTime must be an ISO 8601 timestamp' })
  startTime?: string;

  @ApiPropertyOptional({ example: '0.25', description: 'Added to the rounded hours (may be negative)' })
  @Optional()
  @IsDecimalField({ min: '-24', max: '24' })
  offsetHours?: string | number;

  @OptionalId()
  ticketId?: string;

  @OptionalId({ description: 'Routing starts at this contract; else at the account’s default contract' })
  contractId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsPlainText({ min: 0, max: 2000, multiline: true })
  summary?: string;
}
