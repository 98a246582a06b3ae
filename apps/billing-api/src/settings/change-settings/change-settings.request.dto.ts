import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
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
}
