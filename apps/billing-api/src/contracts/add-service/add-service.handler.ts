import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../infrastructure/command-result';
import { contractDecider, contractStream } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ContractReferencesLoader } from '../contract-references-loader';
import { AddServiceCommand } from './add-service.command';

@CommandHandler(AddServiceCommand)
export class AddServiceHandler implements ICommandHandler<AddServiceCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ContractReferencesLoader,
  ) {}

  async execute({ contractId, service, metadata }: AddServiceCommand): Promise<CommandResult> {
    const billingCodeIds = await this.references.billingCodes([service.billingCodeId]);
    const { events, position } = await this.streams.decide(
      contractStream(contractId),
      contractDecider,
      { type: 'AddService', contractId, service, references: { billingCodeIds } },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
