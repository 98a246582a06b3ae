import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { timeEntryDecider, timeEntryStream } from '@billing/domain';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import { TimeEntryContextLoader } from '../time-entry-context-loader';
import { LogTimeEntryCommand } from './log-time-entry.command';

@CommandHandler(LogTimeEntryCommand)
export class LogTimeEntryHandler implements ICommandHandler<LogTimeEntryCommand, CommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly contexts: TimeEntryContextLoader,
  ) {}

  async execute({ request, metadata }: LogTimeEntryCommand): Promise<CommandResult> {
    const context = await this.contexts.load(request);
    const { events, position } = await this.claims.create(
      { itemId: request.timeEntryId, sourceType: 'TIME_ENTRY' },
      timeEntryStream(request.timeEntryId),
      timeEntryDecider,
      { type: 'LogTimeEntry', request, context },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
