import type { TimeEntryRequest } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class LogTimeEntryCommand {
  constructor(
    readonly request: TimeEntryRequest,
    readonly metadata: CommandMetadata,
  ) {}
}
