import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { chargeDecider, chargeStream, namedContractOf } from '@billing/domain';
import { BillingLookups } from '../../../infrastructure/billing-lookups';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import { RecordChargeCommand } from './record-charge.command';

@CommandHandler(RecordChargeCommand)
export class RecordChargeHandler implements ICommandHandler<RecordChargeCommand, CommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly lookups: BillingLookups,
  ) {}

  async execute({ charge, metadata }: RecordChargeCommand): Promise<CommandResult> {
    const [account, contract, billingCode] = await Promise.all([
      this.lookups.account(charge.accountId),
      charge.contractId ? this.lookups.contract(charge.contractId).then(namedContractOf) : undefined,
      charge.billingCodeId ? this.lookups.billingCode(charge.billingCodeId) : undefined,
    ]);
    const { events, position } = await this.claims.create(
      { itemId: charge.chargeId, sourceType: 'CHARGE' },
      chargeStream(charge.chargeId),
      chargeDecider,
      { type: 'RecordCharge', charge, account, contract, billingCodeExists: billingCode !== undefined },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
