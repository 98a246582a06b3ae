import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class TimesheetActionRequest {
  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
