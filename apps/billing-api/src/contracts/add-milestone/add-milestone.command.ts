import type { ContractMilestone } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class AddMilestoneCommand {
  constructor(
    readonly contractId: string,
    readonly milestone: ContractMilestone,
    readonly metadata: CommandMetadata,
  ) {}
}
