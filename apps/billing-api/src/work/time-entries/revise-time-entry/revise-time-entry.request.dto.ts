import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, ValidateIf } from 'class-validator';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';
import { IsPlainText } from '../../../http/plain-text';

/** The fields to change; `null` clears an optional one (startTime, ticketId, contractId, summary) and is refused for the others. */
const present = (_o: unknown, v: unknown) => v !== undefined;
export class ReviseTimeEntryRequest {
  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsId()
  roleId?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsId()
  workTypeId?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBusinessDate()
  dateWorked?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsDecimalField({ greaterThan: '0', max: '24' })
  hoursWorked?: string | number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, { message: 'startTime must be an ISO 8601 timestamp' })
  startTime?: string | null;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsDecimalField({ min: '-24', max: '24' })
  offsetHours?: string | number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsId()
  ticketId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsId()
  contractId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsPlainText({ min: 0, max: 2000, multiline: true })
  summary?: string | null;
}
