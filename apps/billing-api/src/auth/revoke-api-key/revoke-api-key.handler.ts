import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { countWorkingFinanceKeysExcept } from '@billing/projections';
import type { CommandResult } from '../../infrastructure/command-result';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand, CommandResult> {
  /** Revocations run one at a time on this instance, so two cannot each count the other as the finance key that remains. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  execute(command: RevokeApiKeyCommand): Promise<CommandResult> {
    const run = this.queue.then(() => this.revoke(command));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async revoke({ apiKeyId, reason, metadata }: RevokeApiKeyCommand): Promise<CommandResult> {
    // The count must include every revocation already written, by this instance or another.
    await this.readYourWrites.waitForHead();
    const { events, position } = await this.streams.decide(
      apiKeyStream(apiKeyId),
      apiKeyDecider,
      {
        type: 'RevokeApiKey',
        apiKeyId,
        revokedBy: metadata.actor,
        reason,
        anotherFinanceKeyRemains: countWorkingFinanceKeysExcept(this.db, apiKeyId) > 0,
      },
      { ...metadata, reason },
    );
    return { wrote: events.length > 0, position };
  }
}
