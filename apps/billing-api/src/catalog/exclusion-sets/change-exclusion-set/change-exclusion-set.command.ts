import type { ExclusionSetTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class ChangeExclusionSetCommand {
  constructor(
    readonly terms: ExclusionSetTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
