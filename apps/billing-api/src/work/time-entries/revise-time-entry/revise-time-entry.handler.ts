import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { NotFound, timeEntryDecider, timeEntryStream } from '@billing/domain';
import { assertWorkOf } from '../../../auth/own-work';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { TimeEntryContextLoader } from '../time-entry-context-loader';
import { ReviseTimeEntryCommand } from './revise-time-entry.command';

@CommandHandler(ReviseTimeEntryCommand)
export class ReviseTimeEntryHandler implements ICommandHandler<ReviseTimeEntryCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly contexts: TimeEntryContextLoader,
  ) {}

  async execute({ timeEntryId, changes, ownWorkOf, metadata }: ReviseTimeEntryCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      timeEntryStream(timeEntryId),
      timeEntryDecider,
      async (state) => {
        if (state.status !== 'logged') throw new NotFound('time entry', timeEntryId);
        // Checked on the stream, in the same decision: whose entry it is never changes.
        assertWorkOf(ownWorkOf, state.entry.resourceId, 'time entry');
        const after = { ...state.entry, ...changes };
        return { type: 'ReviseTimeEntry' as const, timeEntryId, changes, context: await this.contexts.load(after) };
      },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
