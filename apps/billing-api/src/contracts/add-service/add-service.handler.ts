import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ContractReferencesLoader } from '../catalog-lookups';
import type { ContractItemResult } from '../contract-answers';
import { AddServiceCommand } from './add-service.command';

@CommandHandler(AddServiceCommand)
export class AddServiceHandler implements ICommandHandler<AddServiceCommand, ContractItemResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ContractReferencesLoader,
  ) {}

  async execute({ contractId, service, metadata }: AddServiceCommand): Promise<ContractItemResult> {
    const billingCodeIds = await this.references.billingCodes([service.billingCodeId]);
    const { events, position } = await this.streams.decide(
      contractStream(contractId),
      contractDecider,
      { type: 'AddService', contractId, service, references: { billingCodeIds } },
      metadata,
    );
    return { created: events.length > 0, position };
  }
}
