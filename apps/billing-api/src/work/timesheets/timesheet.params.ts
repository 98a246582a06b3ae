import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateBy } from 'class-validator';
import type { TimesheetKey } from '@billing/domain';
import { ID_PATTERN } from '../../http/ids';

/** The path of a timesheet: `/api/timesheets/:resourceId/:weekStart`. Whether the date is a Monday is the decider's rule. */
export class TimesheetParams implements TimesheetKey {
  @ApiProperty({ example: 'ann', description: 'The technician' })
  @Matches(ID_PATTERN, { message: 'resourceId must be an id' })
  resourceId!: string;

  @ApiProperty({ example: '2026-11-16', description: 'The Monday the week starts on' })
  @ValidateBy({
    name: 'isDateShaped',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
      defaultMessage: () => 'weekStart must be a date YYYY-MM-DD',
    },
  })
  weekStart!: string;
}
