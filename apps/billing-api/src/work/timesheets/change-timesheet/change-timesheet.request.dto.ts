import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { FieldProblem } from '../../../http/problem';
import type { CheckedRequest } from '../../../http/validation';

export class TimesheetActionRequest {
  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** A rejection: the reason is required. */
export class RejectTimesheetRequest extends TimesheetActionRequest implements CheckedRequest {
  problems(): FieldProblem[] {
    return this.reason ? [] : [{ field: 'reason', message: 'reason is required to reject a timesheet' }];
  }
}
