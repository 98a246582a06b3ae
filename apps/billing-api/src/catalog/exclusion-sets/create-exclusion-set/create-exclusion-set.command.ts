import type { ExclusionSetTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CreateExclusionSetCommand {
  constructor(
    readonly terms: ExclusionSetTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
