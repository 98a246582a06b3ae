import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsBusinessDate, IsDecimalField } from '../../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../../http/ids';

export class LogTimeEntryRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `id ${ID_PATTERN_MESSAGE}` })
  id?: string;

  @ApiProperty({ example: 'acme' })
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId!: string;

  @ApiProperty({ example: 'ann', description: 'The technician who did the work' })
  @Matches(ID_PATTERN, { message: `resourceId ${ID_PATTERN_MESSAGE}` })
  resourceId!: string;

  @ApiProperty({ example: 'engineer' })
  @Matches(ID_PATTERN, { message: `roleId ${ID_PATTERN_MESSAGE}` })
  roleId!: string;

  @ApiProperty({ example: 'remote-support' })
  @Matches(ID_PATTERN, { message: `workTypeId ${ID_PATTERN_MESSAGE}` })
  workTypeId!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  dateWorked!: string;

  @ApiProperty({ example: '1.5', description: 'More than 0, at most 24; decimal string or number, up to 4 places' })
  @IsDecimalField({ greaterThan: '0', max: '24' })
  hoursWorked!: string | number;

  @ApiPropertyOptional({ example: '2026-11-16T09:00:00Z', description: 'Start of a start/stop entry (UTC); orders block consumption' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startTime must be an ISO 8601 timestamp' })
  startTime?: string;

  @ApiPropertyOptional({ example: '0.25', description: 'Added to the rounded hours (may be negative)' })
  @IsOptional()
  @IsDecimalField({ min: '-24', max: '24' })
  offsetHours?: string | number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `ticketId ${ID_PATTERN_MESSAGE}` })
  ticketId?: string;

  @ApiPropertyOptional({ description: 'Routing starts at this contract; else at the account’s default contract' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  summary?: string;
}
