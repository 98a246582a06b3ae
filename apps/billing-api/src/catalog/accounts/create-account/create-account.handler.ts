import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream, taxRegionDecider, taxRegionStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateAccountCommand, type CreateAccountResult } from './create-account.command';

@CommandHandler(CreateAccountCommand)
export class CreateAccountHandler implements ICommandHandler<CreateAccountCommand, CreateAccountResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateAccountCommand): Promise<CreateAccountResult> {
    const parent = terms.parentAccountId ? (await this.streams.load(accountStream(terms.parentAccountId), accountDecider)).state : undefined;
    const taxRegion = terms.taxRegionId ? (await this.streams.load(taxRegionStream(terms.taxRegionId), taxRegionDecider)).state : undefined;
    const { events, position } = await this.streams.decide(
      accountStream(terms.accountId),
      accountDecider,
      { type: 'CreateAccount', terms, parent, taxRegion },
      metadata,
    );
    return { created: events.length > 0, position };
  }
}
