import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import {
  accountDecider,
  accountStream,
  billingCodeDecider,
  billingCodeStream,
  BILLING_SETTINGS_STREAM,
  billingSettingsDecider,
  contractDecider,
  contractStream,
  exclusionSetDecider,
  exclusionSetStream,
  roleDecider,
  roleStream,
  taxRegionDecider,
  taxRegionStream,
  toRoutingContract,
  workTypeDecider,
  workTypeStream,
  rateModifierOf,
  type AccountState,
  type BillingCodeTerms,
  type BillingSettings,
  type BillToTaxContext,
  type ContractState,
  type RoleSnapshot,
  type RoutingContract,
  type TaxRate,
  type WorkTypeSnapshot,
  type WorkTypeTerms,
} from '@billing/domain';
import { findDefaultContract } from '@billing/projections';
import { READ_MODEL_DB } from './read-model-db.token';
import { StreamDecisions } from './stream-decisions';

function workTypeSnapshotOf(terms: WorkTypeTerms): WorkTypeSnapshot {
  return {
    id: terms.workTypeId,
    billable: terms.billable,
    showOnInvoice: terms.showOnInvoice,
    taxCategoryId: terms.taxCategory,
    minHours: terms.minHours,
    maxHours: terms.maxHours,
    modifier: rateModifierOf(terms.modifier),
  };
}

type RoutingContracts = Record<string, RoutingContract & { accountId: string }>;

/**
 * What commands need to know of the catalog, contracts and settings, read from their streams
 * (the source of truth) at the moment of the decision (the states are shared: never change them). The one exception is an account's default
 * contract, which only the contracts read model can find.
 */
@Injectable()
export class BillingLookups {
  constructor(
    private readonly streams: StreamDecisions,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async account(accountId: string): Promise<AccountState> {
    return (await this.streams.loadShared(accountStream(accountId), accountDecider)).state;
  }

  async role(roleId: string): Promise<RoleSnapshot | undefined> {
    const { state } = await this.streams.loadShared(roleStream(roleId), roleDecider);
    if (state.status !== 'active') return undefined;
    const { hourlyRate, hourlyCost, blockHourMultiplier } = state.terms;
    return { id: roleId, hourlyRate, hourlyCost, blockHourMultiplier };
  }

  async workType(workTypeId: string): Promise<(WorkTypeSnapshot & { terms: WorkTypeTerms }) | undefined> {
    const { state } = await this.streams.loadShared(workTypeStream(workTypeId), workTypeDecider);
    return state.status === 'active' ? { ...workTypeSnapshotOf(state.terms), terms: state.terms } : undefined;
  }

  async billingCode(billingCodeId: string): Promise<BillingCodeTerms | undefined> {
    const { state } = await this.streams.loadShared(billingCodeStream(billingCodeId), billingCodeDecider);
    return state.status === 'active' ? state.terms : undefined;
  }

  async contract(contractId: string): Promise<ContractState> {
    return (await this.streams.loadShared(contractStream(contractId), contractDecider)).state;
  }

  async settings(): Promise<BillingSettings> {
    return (await this.streams.loadShared(BILLING_SETTINGS_STREAM, billingSettingsDecider)).state;
  }

  /** The bill-to account's tax position (billing-rules §10). */
  async taxContext(account: AccountState): Promise<BillToTaxContext> {
    if (account.status !== 'active') return { taxExempt: false, region: null };
    const { taxExempt, taxRegionId } = account.terms;
    if (taxRegionId === null) return { taxExempt, region: null };
    const { state } = await this.streams.loadShared(taxRegionStream(taxRegionId), taxRegionDecider);
    if (state.status !== 'active') return { taxExempt, region: null };
    const ratesByCategory: Record<string, TaxRate[]> = {};
    for (const r of state.terms.rates) (ratesByCategory[r.taxCategory] ??= []).push({ name: r.name, rate: r.rate, compound: r.compound });
    return { taxExempt, region: { id: taxRegionId, ratesByCategory } };
  }

  /** The account's default contract and every contract routing may visit from it or from the named one. */
  async routingContracts(accountId: string, requestedContractId: string | null): Promise<{ defaultContractId: string | null; contracts: RoutingContracts }> {
    const defaultContractId = findDefaultContract(this.db, accountId);
    const contracts: RoutingContracts = {};
    const queue = [requestedContractId, defaultContractId].filter((id): id is string => id !== null);
    while (queue.length) {
      const id = queue.shift()!;
      if (contracts[id]) continue;
      const state = await this.contract(id);
      if (state.status !== 'exists') continue;
      const set = state.terms.exclusionSetId
        ? (await this.streams.loadShared(exclusionSetStream(state.terms.exclusionSetId), exclusionSetDecider)).state
        : undefined;
      contracts[id] = { ...toRoutingContract(state.terms, set?.status === 'active' ? set.terms : undefined), accountId: state.terms.accountId };
      if (state.terms.exclusionContractId) queue.push(state.terms.exclusionContractId);
    }
    return { defaultContractId, contracts };
  }
}
