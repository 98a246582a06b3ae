import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { TimesheetKey } from '@billing/domain';
import { IsBusinessDate } from '../../http/business-date-field';
import { ID_PATTERN } from '../../http/ids';

/** The path of a timesheet: `/api/timesheets/:resourceId/:weekStart`. Whether the date is a Monday is the decider's rule. */
export class TimesheetParams implements TimesheetKey {
  @ApiProperty({ example: 'ann', description: 'The technician' })
  @Matches(ID_PATTERN, { message: 'resourceId must be an id' })
  resourceId!: string;

  @ApiProperty({ example: '2026-11-16', description: 'The Monday the week starts on' })
  @IsBusinessDate()
  weekStart!: string;
}
