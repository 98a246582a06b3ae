import type { BillingCodeTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CreateBillingCodeCommand {
  constructor(
    readonly terms: BillingCodeTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
