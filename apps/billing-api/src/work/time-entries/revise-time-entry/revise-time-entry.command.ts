import type { ReviseTimeEntry } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class ReviseTimeEntryCommand {
  constructor(
    readonly timeEntryId: string,
    readonly changes: ReviseTimeEntry['changes'],
    /** Whose entries the caller may revise: a technician's own; null for finance. */
    readonly ownWorkOf: string | null,
    readonly metadata: CommandMetadata,
  ) {}
}
