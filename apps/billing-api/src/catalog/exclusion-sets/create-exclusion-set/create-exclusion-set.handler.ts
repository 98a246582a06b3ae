import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { exclusionSetDecider, exclusionSetStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { ExclusionSetReferenceLoader } from '../exclusion-set-reference-loader';
import { CreateExclusionSetCommand } from './create-exclusion-set.command';

@CommandHandler(CreateExclusionSetCommand)
export class CreateExclusionSetHandler implements ICommandHandler<CreateExclusionSetCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ExclusionSetReferenceLoader,
  ) {}

  async execute({ terms, metadata }: CreateExclusionSetCommand): Promise<CommandResult> {
    const references = await this.references.load(terms);
    const { events, position } = await this.streams.decide(
      exclusionSetStream(terms.exclusionSetId),
      exclusionSetDecider,
      { type: 'CreateExclusionSet', terms, ...references },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
