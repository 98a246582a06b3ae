import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { workTypeDecider, workTypeStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateWorkTypeCommand } from './create-work-type.command';

@CommandHandler(CreateWorkTypeCommand)
export class CreateWorkTypeHandler implements ICommandHandler<CreateWorkTypeCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateWorkTypeCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(workTypeStream(terms.workTypeId), workTypeDecider, { type: 'CreateWorkType', terms }, metadata);
    return { wrote: events.length > 0, position };
  }
}
