import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { billToOf, contractStream, evolveContract, initialContractState, NotFound, type ContractEvent, type ContractState } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import type { ContractBalance } from '@billing/projections';
import { asOfView, resolveAsOf, withinAsOf, type AsOfView } from '../as-of/as-of';
import { LedgerReplays } from '../as-of/ledger-replays';
import { replayStreamAsOf } from '../as-of/stream-replay';
import { contractBalanceAsOf } from './contract-balance-as-of';
import { GetContractBalanceAsOfQuery } from './get-contract-balance-as-of.query';

/** `GET /api/contracts/:id/balance` as it stood, and the point it stood at. */
export type ContractBalanceAsOf = ContractBalance & { asOf: AsOfView };

/**
 * The contract's stream and its bill-to ledger (where every item of the contract posts, billing-rules
 * §10), each replayed up to the point with the write side's `evolve`.
 */
@QueryHandler(GetContractBalanceAsOfQuery)
export class GetContractBalanceAsOfHandler implements IQueryHandler<GetContractBalanceAsOfQuery, ContractBalanceAsOf> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ledgers: LedgerReplays,
  ) {}

  async execute({ contractId, asOf: asked }: GetContractBalanceAsOfQuery): Promise<ContractBalanceAsOf> {
    const asOf = resolveAsOf(asked, await this.store.headPosition(), new Date());
    const contract = await replayStreamAsOf<ContractEvent, ContractState>(
      this.store,
      contractStream(contractId),
      { evolve: evolveContract, initialState: initialContractState },
      withinAsOf(asOf),
    );
    if (contract.state.status !== 'exists') throw new NotFound('contract', contractId);
    const ledger = await this.ledgers.asOf(billToOf({ contract: contract.state.terms }).billToAccountId, asOf);
    return { ...contractBalanceAsOf(contract.state, [ledger]), asOf: asOfView(asOf) };
  }
}
