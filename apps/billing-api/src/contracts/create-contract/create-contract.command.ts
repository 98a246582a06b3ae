import type { NewContractTerms } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class CreateContractCommand {
  constructor(
    readonly terms: NewContractTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
