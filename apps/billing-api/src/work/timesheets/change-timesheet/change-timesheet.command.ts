import type { TimesheetCommand } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

/** Submit, approve or reject a week's timesheet. */
export class ChangeTimesheetCommand {
  constructor(
    readonly change: TimesheetCommand,
    readonly metadata: CommandMetadata,
  ) {}
}
