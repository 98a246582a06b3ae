import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { contractDecider, contractStream, NotFound } from '@billing/domain';
import { findLicenceException } from '@billing/projections';
import type { CommandResult } from '../../infrastructure/command-result';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { DecideLicenceExceptionCommand } from './decide-licence-exception.command';

/** The licence-exceptions read model (caught up with the store) says which contract holds the exception; the contract's stream decides. */
@CommandHandler(DecideLicenceExceptionCommand)
export class DecideLicenceExceptionHandler implements ICommandHandler<DecideLicenceExceptionCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ exceptionId, decision, reason, metadata }: DecideLicenceExceptionCommand): Promise<CommandResult> {
    await this.readYourWrites.waitForHead();
    const known = findLicenceException(this.db, exceptionId);
    if (!known) throw new NotFound('licence exception', exceptionId);
    const type = decision === 'confirm' ? 'ConfirmLicenceException' : 'RejectLicenceException';
    const { events, position } = await this.streams.decide(
      contractStream(known.contractId),
      contractDecider,
      { type, contractId: known.contractId, exceptionId, reason },
      { ...metadata, reason },
    );
    return { wrote: events.length > 0, position };
  }
}
