import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { taxRegionDecider, taxRegionStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateTaxRegionCommand, type CreateTaxRegionResult } from './create-tax-region.command';

@CommandHandler(CreateTaxRegionCommand)
export class CreateTaxRegionHandler implements ICommandHandler<CreateTaxRegionCommand, CreateTaxRegionResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateTaxRegionCommand): Promise<CreateTaxRegionResult> {
    const { events, position } = await this.streams.decide(taxRegionStream(terms.taxRegionId), taxRegionDecider, { type: 'CreateTaxRegion', terms }, metadata);
    return { created: events.length > 0, position };
  }
}
