import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workTypeDecider, workTypeStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateWorkTypeCommand, type CreateWorkTypeResult } from './create-work-type.command';

@CommandHandler(CreateWorkTypeCommand)
export class CreateWorkTypeHandler implements ICommandHandler<CreateWorkTypeCommand, CreateWorkTypeResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateWorkTypeCommand): Promise<CreateWorkTypeResult> {
    const { events, position } = await this.streams.decide(workTypeStream(terms.workTypeId), workTypeDecider, { type: 'CreateWorkType', terms }, metadata);
    return { created: events.length > 0, position };
  }
}
