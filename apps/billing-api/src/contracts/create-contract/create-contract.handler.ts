import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../infrastructure/command-result';
import {
  contractDecider,
  contractStream,
  defaultContractDecider,
  defaultContractStream,
  type ClaimDefaultContract,
  type CreateContract,
  type DefaultHolderStatus,
} from '@billing/domain';
import { StreamDecisions, type CommandMetadata } from '../../infrastructure/stream-decisions';
import { ContractReferencesLoader } from '../contract-references-loader';
import { CreateContractCommand } from './create-contract.command';

@CommandHandler(CreateContractCommand)
export class CreateContractHandler implements ICommandHandler<CreateContractCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly references: ContractReferencesLoader,
  ) {}

  async execute({ terms, metadata }: CreateContractCommand): Promise<CommandResult> {
    const stream = contractStream(terms.contractId);
    const command: CreateContract = { type: 'CreateContract', terms, references: await this.references.forNewContract(terms) };
    if (terms.isDefault) {
      // Every other rule first (a refusal throws here and writes nothing), then the account's claim.
      const { state } = await this.streams.load(stream, contractDecider);
      if (contractDecider.decide(command, state).length > 0) await this.claimDefault(terms.accountId, terms.contractId, metadata);
    }
    const { events, position } = await this.streams.decide(stream, contractDecider, command, metadata);
    return { wrote: events.length > 0, position };
  }

  /**
   * One active default contract per account, race-free: the claim is decided on the account's
   * `defaultContract-` stream with its expected revision, before the contract is created.
   */
  private async claimDefault(accountId: string, contractId: string, metadata: CommandMetadata): Promise<void> {
    await this.streams.decide(
      defaultContractStream(accountId),
      defaultContractDecider,
      async (state): Promise<ClaimDefaultContract> => {
        let holderStatus: DefaultHolderStatus | undefined;
        if (state.holder !== null && state.holder.contractId !== contractId) {
          const holder = (await this.streams.load(contractStream(state.holder.contractId), contractDecider)).state;
          if (holder.status !== 'exists') holderStatus = 'MISSING';
          else holderStatus = holder.terms.isDefault && holder.terms.status === 'ACTIVE' ? 'ACTIVE_DEFAULT' : 'NOT_DEFAULT';
        }
        return { type: 'ClaimDefaultContract', accountId, contractId, claimedAt: metadata.occurredAt, holderStatus };
      },
      metadata,
    );
  }
}
