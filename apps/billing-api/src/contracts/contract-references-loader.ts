import { Inject, Injectable } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  billingCodeStream,
  contractDecider,
  contractStream,
  exclusionSetStream,
  roleStream,
  workTypeStream,
  type ContractReferences,
  type ContractTerms,
  type ContractTermsChanges,
  type NewContractTerms,
} from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { StreamDecisions } from '../infrastructure/stream-decisions';

/** Exclusion chains longer than this are not followed (a cycle saved before the rule ends it too). */
const MAX_CHAIN = 100;

/**
 * Loads what a contract command names, from the streams (the source of truth) at the moment of the
 * decision: a catalog entry exists when its stream holds at least one event; accounts and contracts
 * are folded with their deciders.
 */
@Injectable()
export class ContractReferencesLoader {
  constructor(
    private readonly streams: StreamDecisions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Everything the terms of a new contract name. */
  async forNewContract(terms: NewContractTerms): Promise<ContractReferences> {
    const [accounts, roleIds, workTypeIds, exclusionSetIds, contracts] = await Promise.all([
      this.accounts([terms.accountId, terms.billToAccountId]),
      this.existing([...terms.excludedRoleIds, ...terms.roleRates.map((r) => r.roleId), ...terms.blockHourMultipliers.map((m) => m.roleId)], roleStream),
      this.existing(terms.excludedWorkTypeIds, workTypeStream),
      this.existing([terms.exclusionSetId], exclusionSetStream),
      this.exclusionChain(terms.exclusionContractId, terms.contractId),
    ]);
    return { accounts, roleIds, workTypeIds, exclusionSetIds, contracts };
  }

  /** What changed terms name, with the contract's account (for the exclusion contract's account rule). */
  async forChanges(current: ContractTerms, changes: ContractTermsChanges): Promise<ContractReferences> {
    const [accounts, roleIds, workTypeIds, exclusionSetIds, contracts] = await Promise.all([
      this.accounts([current.accountId]),
      this.existing(changes.excludedRoleIds ?? [], roleStream),
      this.existing(changes.excludedWorkTypeIds ?? [], workTypeStream),
      this.existing([changes.exclusionSetId ?? null], exclusionSetStream),
      this.exclusionChain(changes.exclusionContractId ?? null, current.contractId),
    ]);
    return { accounts, roleIds, workTypeIds, exclusionSetIds, contracts };
  }

  async billingCodes(ids: (string | null)[]): Promise<string[]> {
    return this.existing(ids, billingCodeStream);
  }

  /** The contracts reachable from `startId` by exclusion links, as they are now. */
  private async exclusionChain(startId: string | null, contractId: string): Promise<Record<string, ContractTerms>> {
    const chain: Record<string, ContractTerms> = {};
    let nextId = startId;
    while (nextId !== null && nextId !== contractId && !(nextId in chain) && Object.keys(chain).length < MAX_CHAIN) {
      const { state } = await this.streams.load(contractStream(nextId), contractDecider);
      if (state.status !== 'exists') break;
      chain[nextId] = state.terms;
      nextId = state.terms.exclusionContractId;
    }
    return chain;
  }

  private async accounts(ids: (string | null)[]): Promise<Record<string, { parentAccountId: string | null }>> {
    const found: Record<string, { parentAccountId: string | null }> = {};
    for (const id of new Set(ids.filter((i): i is string => i !== null))) {
      const { state } = await this.streams.load(accountStream(id), accountDecider);
      if (state.status === 'active') found[id] = { parentAccountId: state.terms.parentAccountId };
    }
    return found;
  }

  private async existing(ids: (string | null)[], streamOf: (id: string) => string): Promise<string[]> {
    const unique = [...new Set(ids.filter((i): i is string => i !== null))];
    const exists = await Promise.all(unique.map((id) => this.streamExists(streamOf(id))));
    return unique.filter((_, i) => exists[i]);
  }

  private async streamExists(stream: string): Promise<boolean> {
    for await (const _event of this.store.readStream(stream, { maxCount: 1 })) return true;
    return false;
  }
}
