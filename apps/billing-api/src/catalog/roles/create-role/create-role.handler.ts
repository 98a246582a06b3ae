import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { roleDecider, roleStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateRoleCommand } from './create-role.command';

@CommandHandler(CreateRoleCommand)
export class CreateRoleHandler implements ICommandHandler<CreateRoleCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateRoleCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(roleStream(terms.roleId), roleDecider, { type: 'CreateRole', terms }, metadata);
    return { wrote: events.length > 0, position };
  }
}
