import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateBy } from 'class-validator';

export class TimesheetActionRequest {
  @ApiPropertyOptional({ description: 'Not used to submit or approve' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class RejectTimesheetRequest {
  @ApiProperty({ example: 'Tuesday is missing' })
  @ValidateBy({
    name: 'isRejectionReason',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= 2000,
      defaultMessage: () => 'reason is required to reject a timesheet (1 to 2000 characters)',
    },
  })
  reason!: string;
}
