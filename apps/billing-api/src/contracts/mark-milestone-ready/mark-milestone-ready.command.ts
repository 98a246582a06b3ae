import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class MarkMilestoneReadyCommand {
  constructor(
    readonly contractId: string,
    readonly milestoneId: string,
    readonly metadata: CommandMetadata,
  ) {}
}
