import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { exclusionSetDecider, exclusionSetStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { ExclusionSetReferenceLoader } from '../exclusion-set-references';
import { CreateExclusionSetCommand, type CreateExclusionSetResult } from './create-exclusion-set.command';

@CommandHandler(CreateExclusionSetCommand)
export class CreateExclusionSetHandler implements ICommandHandler<CreateExclusionSetCommand, CreateExclusionSetResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ExclusionSetReferenceLoader,
  ) {}

  async execute({ terms, metadata }: CreateExclusionSetCommand): Promise<CreateExclusionSetResult> {
    const references = await this.references.load(terms);
    const { events, position } = await this.streams.decide(
      exclusionSetStream(terms.exclusionSetId),
      exclusionSetDecider,
      { type: 'CreateExclusionSet', terms, ...references },
      metadata,
    );
    return { created: events.length > 0, position };
  }
}
