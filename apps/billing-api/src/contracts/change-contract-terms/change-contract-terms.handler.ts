import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../infrastructure/command-result';
import { contractDecider, contractStream, type ContractCommand } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ContractReferencesLoader } from '../contract-references-loader';
import { ChangeContractTermsCommand } from './change-contract-terms.command';

@CommandHandler(ChangeContractTermsCommand)
export class ChangeContractTermsHandler implements ICommandHandler<ChangeContractTermsCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ContractReferencesLoader,
  ) {}

  async execute({ contractId, changes, metadata }: ChangeContractTermsCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      contractStream(contractId),
      contractDecider,
      async (state): Promise<ContractCommand> => ({
        type: 'ChangeContractTerms',
        contractId,
        changes,
        // Unknown contract: the decider answers 404 without references.
        references: state.status === 'exists' ? await this.references.forChanges(state.terms, changes) : {},
      }),
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
