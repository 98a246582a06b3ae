import type { ContractService } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class AddServiceCommand {
  constructor(
    readonly contractId: string,
    readonly service: ContractService,
    readonly metadata: CommandMetadata,
  ) {}
}
