import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem } from '../../../http/problem';
import type { CheckedRequest } from '../../../http/validation';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

export class TimesheetActionRequest {
  @ApiPropertyOptional({ description: 'Required to reject' })
  @Optional()
  @IsPlainText({ max: 2000 })
  reason?: string;
}

/** A rejection: the reason is required. */
export class RejectTimesheetRequest extends TimesheetActionRequest implements CheckedRequest {
  problems(): FieldProblem[] {
    return this.reason ? [] : [{ field: 'reason', message: 'reason is required to reject a timesheet' }];
  }
}
