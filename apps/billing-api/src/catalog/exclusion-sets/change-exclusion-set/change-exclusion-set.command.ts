import type { ExclusionSetTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class ChangeExclusionSetCommand {
  constructor(
    readonly terms: ExclusionSetTerms,
    readonly metadata: CommandMetadata,
  ) {}
}

export interface ChangeExclusionSetResult {
  changed: boolean;
  position: bigint;
}
