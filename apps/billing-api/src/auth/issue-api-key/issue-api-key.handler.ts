import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { hashApiKey } from '../api-key-hash';
import { IssueApiKeyCommand, type IssueApiKeyResult } from './issue-api-key.command';

@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand, IssueApiKeyResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute(command: IssueApiKeyCommand): Promise<IssueApiKeyResult> {
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
      },
      command.metadata,
    );
    return { created: events.length > 0, position };
  }
}
