import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import type { ContractItemResult } from '../contract-answers';
import { PurchaseTicketsCommand } from './purchase-tickets.command';

@CommandHandler(PurchaseTicketsCommand)
export class PurchaseTicketsHandler implements ICommandHandler<PurchaseTicketsCommand, ContractItemResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ purchase, metadata }: PurchaseTicketsCommand): Promise<ContractItemResult> {
    const { events, position } = await this.streams.decide(contractStream(purchase.contractId), contractDecider, { type: 'PurchaseTickets', ...purchase }, metadata);
    return { created: events.length > 0, position };
  }
}
