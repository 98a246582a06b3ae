import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { timesheetDecider, timesheetStream } from '@billing/domain';
import type { CommandResult } from '../../../infrastructure/command-result';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { ChangeTimesheetCommand } from './change-timesheet.command';

@CommandHandler(ChangeTimesheetCommand)
export class ChangeTimesheetHandler implements ICommandHandler<ChangeTimesheetCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ change, metadata }: ChangeTimesheetCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(timesheetStream(change.key), timesheetDecider, change, metadata);
    return { wrote: events.length > 0, position };
  }
}
