import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { taxRegionDecider, taxRegionStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateTaxRegionCommand } from './create-tax-region.command';

@CommandHandler(CreateTaxRegionCommand)
export class CreateTaxRegionHandler implements ICommandHandler<CreateTaxRegionCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateTaxRegionCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(taxRegionStream(terms.taxRegionId), taxRegionDecider, { type: 'CreateTaxRegion', terms }, metadata);
    return { wrote: events.length > 0, position };
  }
}
