import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chargeDecider, chargeStream } from '@billing/domain';
import { BillingLookups } from '../../../infrastructure/billing-lookups';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import type { WorkCommandResult } from '../../time-entries/log-time-entry/log-time-entry.command';
import { namedContractOf } from '../../named-contract';
import { RecordChargeCommand } from './record-charge.command';

@CommandHandler(RecordChargeCommand)
export class RecordChargeHandler implements ICommandHandler<RecordChargeCommand, WorkCommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly lookups: BillingLookups,
  ) {}

  async execute({ charge, metadata }: RecordChargeCommand): Promise<WorkCommandResult> {
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
    return { created: events.length > 0, position };
  }
}
