import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { ItemIdClaims } from '../../infrastructure/item-id-claims';
import { ContractReferencesLoader } from '../contract-references-loader';
import { AddMilestoneCommand } from './add-milestone.command';

@CommandHandler(AddMilestoneCommand)
export class AddMilestoneHandler implements ICommandHandler<AddMilestoneCommand, CommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly references: ContractReferencesLoader,
  ) {}

  async execute({ contractId, milestone, metadata }: AddMilestoneCommand): Promise<CommandResult> {
    const billingCodeIds = await this.references.billingCodes([milestone.billingCodeId]);
    // A milestone is an item Approve & Post knows by its id alone: the id names it across the service.
    const { events, position } = await this.claims.create(
      { itemId: milestone.milestoneId, sourceType: 'MILESTONE' },
      contractStream(contractId),
      contractDecider,
      { type: 'AddMilestone', contractId, milestone, references: { billingCodeIds } },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
