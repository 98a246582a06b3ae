import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../infrastructure/command-result';
import { contractDecider, contractStream } from '@billing/domain';
import { ItemIdClaims } from '../../infrastructure/item-id-claims';
import { PurchaseBlockCommand } from './purchase-block.command';

@CommandHandler(PurchaseBlockCommand)
export class PurchaseBlockHandler implements ICommandHandler<PurchaseBlockCommand, CommandResult> {
  constructor(private readonly claims: ItemIdClaims) {}

  async execute({ purchase, metadata }: PurchaseBlockCommand): Promise<CommandResult> {
    // The purchase is an item Approve & Post knows by its id alone: the id names it across the service.
    const { events, position } = await this.claims.create(
      { itemId: purchase.purchaseId, sourceType: 'BLOCK_PURCHASE' },
      contractStream(purchase.contractId),
      contractDecider,
      { type: 'PurchaseBlock', ...purchase },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
