import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { timeEntryDecider, timeEntryStream } from '@billing/domain';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import { TimeEntryContextLoader } from '../time-entry-context';
import { LogTimeEntryCommand, type WorkCommandResult } from './log-time-entry.command';

@CommandHandler(LogTimeEntryCommand)
export class LogTimeEntryHandler implements ICommandHandler<LogTimeEntryCommand, WorkCommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly contexts: TimeEntryContextLoader,
  ) {}

  async execute({ request, metadata }: LogTimeEntryCommand): Promise<WorkCommandResult> {
    const context = await this.contexts.load(request);
    const { events, position } = await this.claims.create(
      { itemId: request.timeEntryId, sourceType: 'TIME_ENTRY' },
      timeEntryStream(request.timeEntryId),
      timeEntryDecider,
      { type: 'LogTimeEntry', request, context },
      metadata,
    );
    return { created: events.length > 0, position };
  }
}
