import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { billingCodeDecider, billingCodeStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateBillingCodeCommand } from './create-billing-code.command';

@CommandHandler(CreateBillingCodeCommand)
export class CreateBillingCodeHandler implements ICommandHandler<CreateBillingCodeCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateBillingCodeCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      billingCodeStream(terms.billingCodeId),
      billingCodeDecider,
      { type: 'CreateBillingCode', terms },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
