import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsBusinessDate, IsDecimalField } from '../../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../../http/ids';

/** The fields to change; `null` clears an optional one (startTime, ticketId, contractId, summary) and is refused for the others. */
const present = (_o: unknown, v: unknown) => v !== undefined;
export class ReviseTimeEntryRequest {
  @ApiPropertyOptional()
  @ValidateIf(present)
  @Matches(ID_PATTERN, { message: `roleId ${ID_PATTERN_MESSAGE}` })
  roleId?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @Matches(ID_PATTERN, { message: `workTypeId ${ID_PATTERN_MESSAGE}` })
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
  @Matches(ID_PATTERN, { message: `ticketId ${ID_PATTERN_MESSAGE}` })
  ticketId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @Length(0, 2000)
  summary?: string | null;
}
