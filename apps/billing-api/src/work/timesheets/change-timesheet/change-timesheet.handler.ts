import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { timesheetDecider, timesheetStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import type { TimesheetView } from '../get-timesheet/get-timesheet.handler';
import { ChangeTimesheetCommand } from './change-timesheet.command';

/** No read model keeps timesheets: the answer is the week as this decision left its stream. */
@CommandHandler(ChangeTimesheetCommand)
export class ChangeTimesheetHandler implements ICommandHandler<ChangeTimesheetCommand, TimesheetView> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ change, metadata }: ChangeTimesheetCommand): Promise<TimesheetView> {
    const { state } = await this.streams.decide(timesheetStream(change.key), timesheetDecider, change, metadata);
    return { resourceId: change.key.resourceId, weekStart: change.key.weekStart, ...state };
  }
}
