import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { roleDecider, roleStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateRoleCommand, type CreateRoleResult } from './create-role.command';

@CommandHandler(CreateRoleCommand)
export class CreateRoleHandler implements ICommandHandler<CreateRoleCommand, CreateRoleResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateRoleCommand): Promise<CreateRoleResult> {
    const { events, position } = await this.streams.decide(roleStream(terms.roleId), roleDecider, { type: 'CreateRole', terms }, metadata);
    return { created: events.length > 0, position };
  }
}
