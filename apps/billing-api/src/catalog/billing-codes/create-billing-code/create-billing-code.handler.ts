import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { billingCodeDecider, billingCodeStream } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { CreateBillingCodeCommand, type CreateBillingCodeResult } from './create-billing-code.command';

@CommandHandler(CreateBillingCodeCommand)
export class CreateBillingCodeHandler implements ICommandHandler<CreateBillingCodeCommand, CreateBillingCodeResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ terms, metadata }: CreateBillingCodeCommand): Promise<CreateBillingCodeResult> {
    const { events, position } = await this.streams.decide(billingCodeStream(terms.billingCodeId), billingCodeDecider, { type: 'CreateBillingCode', terms }, metadata);
    return { created: events.length > 0, position };
  }
}
