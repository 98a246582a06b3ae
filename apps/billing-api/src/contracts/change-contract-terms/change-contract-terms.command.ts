import type { ContractTermsChanges } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class ChangeContractTermsCommand {
  constructor(
    readonly contractId: string,
    readonly changes: ContractTermsChanges,
    readonly metadata: CommandMetadata,
  ) {}
}
