import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../infrastructure/command-result';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { hashApiKey } from '../api-key-hash';
import { IssueApiKeyCommand } from './issue-api-key.command';

@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute(command: IssueApiKeyCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      apiKeyStream(command.apiKeyId),
      apiKeyDecider,
      {
        type: 'IssueApiKey',
        apiKeyId: command.apiKeyId,
        name: command.name,
        role: command.role,
        keyHash: hashApiKey(command.key),
        bootstrap: command.bootstrap,
        resourceId: command.resourceId,
      },
      command.metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
