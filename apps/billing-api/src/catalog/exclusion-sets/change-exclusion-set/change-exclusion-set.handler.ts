import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { exclusionSetDecider, exclusionSetStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { ExclusionSetReferenceLoader } from '../exclusion-set-references';
import { ChangeExclusionSetCommand, type ChangeExclusionSetResult } from './change-exclusion-set.command';

@CommandHandler(ChangeExclusionSetCommand)
export class ChangeExclusionSetHandler implements ICommandHandler<ChangeExclusionSetCommand, ChangeExclusionSetResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ExclusionSetReferenceLoader,
  ) {}

  async execute({ terms, metadata }: ChangeExclusionSetCommand): Promise<ChangeExclusionSetResult> {
    const references = await this.references.load(terms);
    const { events, position } = await this.streams.decide(
      exclusionSetStream(terms.exclusionSetId),
      exclusionSetDecider,
      { type: 'ChangeExclusionSet', terms, ...references },
      metadata,
    );
    return { changed: events.length > 0, position };
  }
}
