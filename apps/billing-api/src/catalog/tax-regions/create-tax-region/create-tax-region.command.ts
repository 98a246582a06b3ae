import type { TaxRegionTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CreateTaxRegionCommand {
  constructor(
    readonly terms: TaxRegionTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
