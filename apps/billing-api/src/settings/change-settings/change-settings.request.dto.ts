import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { INVOICE_NUMBER_PREFIX } from '@billing/domain';
import { Optional } from '../../http/optional';

export class ChangeSettingsRequest {
  @ApiPropertyOptional({ description: 'Round hours worked up to this many minutes: 0 (none) or a multiple of 3 up to 60' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(60)
  roundUpMinutes?: number;

  @ApiPropertyOptional({ description: 'Apply the block-hour multiplier to block overage' })
  @Optional()
  @IsBoolean()
  multiplyOverage?: boolean;

  @ApiPropertyOptional({ description: 'Labour posts only once the resource’s timesheet for the week is approved' })
  @Optional()
  @IsBoolean()
  requireApprovedTimesheet?: boolean;

  @ApiPropertyOptional({ description: 'Unbilled items older than this many days are flagged as stuck' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(3650)
  stuckAfterDays?: number;

  @ApiPropertyOptional({ description: 'Put before each new invoice number (INV- → INV-000001): at most 20 letters, digits or . _ / -; empty for bare numbers' })
  @Optional()
  @IsString()
  @Matches(INVOICE_NUMBER_PREFIX, { message: 'invoiceNumberPrefix must be at most 20 letters, digits or . _ / -' })
  invoiceNumberPrefix?: string;
}
