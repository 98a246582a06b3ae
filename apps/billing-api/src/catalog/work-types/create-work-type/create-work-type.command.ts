import type { WorkTypeTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CreateWorkTypeCommand {
  constructor(
    readonly terms: WorkTypeTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
