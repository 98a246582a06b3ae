import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import type { ContractItemResult } from '../contract-answers';
import { PurchaseRetainerCommand } from './purchase-retainer.command';

@CommandHandler(PurchaseRetainerCommand)
export class PurchaseRetainerHandler implements ICommandHandler<PurchaseRetainerCommand, ContractItemResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ purchase, metadata }: PurchaseRetainerCommand): Promise<ContractItemResult> {
    const { events, position } = await this.streams.decide(contractStream(purchase.contractId), contractDecider, { type: 'PurchaseRetainer', ...purchase }, metadata);
    return { created: events.length > 0, position };
  }
}
