import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import type { ContractItemResult } from '../contract-answers';
import { PurchaseBlockCommand } from './purchase-block.command';

@CommandHandler(PurchaseBlockCommand)
export class PurchaseBlockHandler implements ICommandHandler<PurchaseBlockCommand, ContractItemResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ purchase, metadata }: PurchaseBlockCommand): Promise<ContractItemResult> {
    const { events, position } = await this.streams.decide(contractStream(purchase.contractId), contractDecider, { type: 'PurchaseBlock', ...purchase }, metadata);
    return { created: events.length > 0, position };
  }
}
