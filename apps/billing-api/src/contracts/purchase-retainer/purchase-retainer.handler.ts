import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../infrastructure/command-result';
import { contractDecider, contractStream } from '@billing/domain';
import { ItemIdClaims } from '../../infrastructure/item-id-claims';
import { ContractReferencesLoader } from '../contract-references-loader';
import { PurchaseRetainerCommand } from './purchase-retainer.command';

@CommandHandler(PurchaseRetainerCommand)
export class PurchaseRetainerHandler implements ICommandHandler<PurchaseRetainerCommand, CommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly references: ContractReferencesLoader,
  ) {}

  async execute({ purchase, metadata }: PurchaseRetainerCommand): Promise<CommandResult> {
    const billingCodeIds = await this.references.billingCodes([purchase.billingCodeId]);
    // The purchase is an item Approve & Post knows by its id alone: the id names it across the service.
    const { events, position } = await this.claims.create(
      { itemId: purchase.purchaseId, sourceType: 'RETAINER_PURCHASE' },
      contractStream(purchase.contractId),
      contractDecider,
      { type: 'PurchaseRetainer', ...purchase, references: { billingCodeIds } },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
