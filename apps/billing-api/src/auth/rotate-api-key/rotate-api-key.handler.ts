import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { hashApiKey } from '../api-key-hash';
import { RotateApiKeyCommand } from './rotate-api-key.command';

@CommandHandler(RotateApiKeyCommand)
export class RotateApiKeyHandler implements ICommandHandler<RotateApiKeyCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ apiKeyId, key, reason, metadata }: RotateApiKeyCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      apiKeyStream(apiKeyId),
      apiKeyDecider,
      { type: 'RotateApiKey', apiKeyId, keyHash: hashApiKey(key), rotatedBy: metadata.actor, reason },
      { ...metadata, reason },
    );
    return { wrote: events.length > 0, position };
  }
}
