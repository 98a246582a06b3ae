import type { ReviseTimeEntry } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class ReviseTimeEntryCommand {
  constructor(
    readonly timeEntryId: string,
    readonly changes: ReviseTimeEntry['changes'],
    readonly metadata: CommandMetadata,
  ) {}
}
