import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { accountDecider, accountStream, taxRegionDecider, taxRegionStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateAccountCommand } from './create-account.command';

@CommandHandler(CreateAccountCommand)
export class CreateAccountHandler implements ICommandHandler<CreateAccountCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateAccountCommand): Promise<CommandResult> {
    const parent = terms.parentAccountId ? (await this.streams.load(accountStream(terms.parentAccountId), accountDecider)).state : undefined;
    const taxRegion = terms.taxRegionId ? (await this.streams.load(taxRegionStream(terms.taxRegionId), taxRegionDecider)).state : undefined;
    const { events, position } = await this.streams.decide(
      accountStream(terms.accountId),
      accountDecider,
      { type: 'CreateAccount', terms, parent, taxRegion },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
