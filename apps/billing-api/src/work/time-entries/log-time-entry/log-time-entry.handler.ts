import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { timeEntryDecider, timeEntryStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { TimeEntryContextLoader } from '../time-entry-context';
import { LogTimeEntryCommand, type WorkCommandResult } from './log-time-entry.command';

@CommandHandler(LogTimeEntryCommand)
export class LogTimeEntryHandler implements ICommandHandler<LogTimeEntryCommand, WorkCommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly contexts: TimeEntryContextLoader,
  ) {}

  async execute({ request, metadata }: LogTimeEntryCommand): Promise<WorkCommandResult> {
    const context = await this.contexts.load(request);
    const { events, position } = await this.streams.decide(timeEntryStream(request.timeEntryId), timeEntryDecider, { type: 'LogTimeEntry', request, context }, metadata);
    return { created: events.length > 0, position };
  }
}
