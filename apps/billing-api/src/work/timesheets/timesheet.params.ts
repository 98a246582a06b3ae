import { Matches } from 'class-validator';
import type { TimesheetKey } from '@billing/domain';
import { IsBusinessDate } from '../../http/business-date-field';
import { ID_PATTERN } from '../../http/ids';

/** The path of a timesheet: `/api/timesheets/:resourceId/:weekStart`. */
export class TimesheetParams implements TimesheetKey {
  @Matches(ID_PATTERN, { message: 'resourceId must be an id' })
  resourceId!: string;

  @IsBusinessDate()
  weekStart!: string;
}
