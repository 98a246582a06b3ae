import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import type { ContractStatus, ContractType } from '../rating/rating-inputs';
import { findExclusionCycle } from '../rating/routing';
import { canonicalDecimal } from '../catalog/catalog-decimal';
import {
  addYears,
  CONTRACT_MAX_YEARS,
  PURCHASE_CONTRACT_TYPE,
  sameDecimal,
  sameIdSet,
  sameTerms,
  TYPE_SPECIFIC_FIELDS,
  typeList,
} from './contract-rules';
import { toRoutingContract } from './routing-contract';

export type { ContractStatus, ContractType } from '../rating/rating-inputs';

export const CONTRACT_TYPES: readonly ContractType[] = ['TIME_AND_MATERIALS', 'BLOCK_HOURS', 'RETAINER', 'PER_TICKET', 'RECURRING_SERVICE', 'FIXED_PRICE'];
export const CONTRACT_STATUSES: readonly ContractStatus[] = ['ACTIVE', 'INACTIVE'];
export const PERIOD_TYPES = ['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'YEARLY'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const contractStream = (contractId: string) => `contract-${contractId}`;

export interface ContractTermsRoleRate {
  roleId: string;
  hourlyRate: string;
}

export interface ContractTermsBlockHourMultiplier {
  roleId: string;
  multiplier: string;
}

/** A contract's terms (billing-rules §3). Money and rates are decimal strings, dates `YYYY-MM-DD`. */
export interface ContractTerms {
  contractId: string;
  accountId: string;
  name: string;
  type: ContractType;
  startDate: string;
  endDate: string;
  status: ContractStatus;
  purchaseOrderNumber: string | null;
  /** The account's default (service-desk) contract. Cleared for good when the contract goes inactive. */
  isDefault: boolean;
  exclusionSetId: string | null;
  excludedWorkTypeIds: string[];
  excludedRoleIds: string[];
  /** Where work this contract excludes goes (billing-rules §4.3). */
  exclusionContractId: string | null;
  billToAccountId: string | null;
  /** T&M, Retainer, Fixed Price; for Block Hours the overage table. */
  roleRates: ContractTermsRoleRate[];
  /** Block Hours: per hour of overage. Per Ticket: per ticket beyond the purchases. */
  overageRate: string | null;
  /** Block Hours only: block hours drawn per hour to bill, by role (else the role's default). */
  blockHourMultipliers: ContractTermsBlockHourMultiplier[];
  /** Recurring Service only (and required there). */
  periodType: PeriodType | null;
  setupFee: string | null;
}

/** The terms a create names: a contract always starts ACTIVE. */
export type NewContractTerms = Omit<ContractTerms, 'status'>;

interface PurchaseBase {
  purchaseId: string;
  /** 1, 2, 3… in purchase order within the contract: the tie-break between purchases starting the same day. */
  sequence: number;
  startDate: string;
  endDate: string;
  /** The command's business time (ISO 8601 UTC). */
  purchasedAt: string;
}

export interface BlockPurchase extends PurchaseBase {
  kind: 'BLOCK';
  hours: string;
  hourlyRate: string;
}

export interface RetainerPurchase extends PurchaseBase {
  kind: 'RETAINER';
  amount: string;
}

export interface TicketPurchase extends PurchaseBase {
  kind: 'TICKETS';
  tickets: number;
  perTicketRate: string;
}

export type ContractPurchase = BlockPurchase | RetainerPurchase | TicketPurchase;
export type ContractPurchaseKind = ContractPurchase['kind'];

/** A recurring service: units and prices (accrual is decided elsewhere). */
export interface ContractService {
  serviceId: string;
  name: string;
  units: string;
  unitPrice: string;
  unitCost: string;
  billingCodeId: string | null;
}

export type ContractState =
  | { status: 'none' }
  | {
      status: 'exists';
      terms: ContractTerms;
      purchases: ContractPurchase[];
      services: ContractService[];
      /** The terms as created: what a repeated create is compared with. */
      createdTerms: ContractTerms;
    };

/** The fields `PATCH /api/contracts/:id` may change. */
export const CHANGEABLE_TERMS = [
  'purchaseOrderNumber',
  'exclusionSetId',
  'excludedWorkTypeIds',
  'excludedRoleIds',
  'exclusionContractId',
  'endDate',
  'status',
] as const satisfies readonly (keyof ContractTerms)[];
export type ChangeableTerm = (typeof CHANGEABLE_TERMS)[number];
export type ContractTermsChanges = Partial<Pick<ContractTerms, ChangeableTerm>>;

// ---------------------------------------------------------------------------------------------
// Events

export type ContractCreated = DomainEvent<'ContractCreated', ContractTerms>;
/** Only the fields that changed, each with its full new value. A later `endDate` is a renewal (§7). */
export type ContractTermsChanged = DomainEvent<'ContractTermsChanged', { contractId: string } & ContractTermsChanges & { isDefault?: boolean }>;
export type BlockPurchased = DomainEvent<'BlockPurchased', { contractId: string } & Omit<BlockPurchase, 'kind'>>;
export type RetainerPurchased = DomainEvent<'RetainerPurchased', { contractId: string } & Omit<RetainerPurchase, 'kind'>>;
export type TicketsPurchased = DomainEvent<'TicketsPurchased', { contractId: string } & Omit<TicketPurchase, 'kind'>>;
export type ServiceAdded = DomainEvent<'ServiceAdded', { contractId: string } & ContractService>;

export type ContractEvent = ContractCreated | ContractTermsChanged | BlockPurchased | RetainerPurchased | TicketsPurchased | ServiceAdded;
export type ContractEventType = ContractEvent['type'];
export const CONTRACT_EVENT_TYPES: readonly ContractEventType[] = [
  'ContractCreated',
  'ContractTermsChanged',
  'BlockPurchased',
  'RetainerPurchased',
  'TicketsPurchased',
  'ServiceAdded',
];

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * What the handler found of the ids a command names, loaded from their streams just before the
 * decision. An id the command names but the references do not hold does not exist (404).
 */
export interface ContractReferences {
  /** Existing accounts among those named (the contract's, the bill-to), with their parent. */
  accounts?: Readonly<Record<string, { parentAccountId: string | null }>>;
  roleIds?: readonly string[];
  workTypeIds?: readonly string[];
  exclusionSetIds?: readonly string[];
  billingCodeIds?: readonly string[];
  /** The proposed exclusion contract and every contract reachable from it by exclusion links. */
  contracts?: Readonly<Record<string, ContractTerms>>;
}

export interface CreateContract {
  type: 'CreateContract';
  terms: NewContractTerms;
  references: ContractReferences;
}

export interface ChangeContractTerms {
  type: 'ChangeContractTerms';
  contractId: string;
  changes: ContractTermsChanges;
  references: ContractReferences;
}

interface PurchaseCommandBase {
  contractId: string;
  purchaseId: string;
  startDate: string;
  endDate: string;
  purchasedAt: string;
}

export interface PurchaseBlock extends PurchaseCommandBase {
  type: 'PurchaseBlock';
  hours: string;
  hourlyRate: string;
}

export interface PurchaseRetainer extends PurchaseCommandBase {
  type: 'PurchaseRetainer';
  amount: string;
}

export interface PurchaseTickets extends PurchaseCommandBase {
  type: 'PurchaseTickets';
  tickets: number;
  perTicketRate: string;
}

export interface AddService {
  type: 'AddService';
  contractId: string;
  service: ContractService;
  references: Pick<ContractReferences, 'billingCodeIds'>;
}

export type ContractCommand = CreateContract | ChangeContractTerms | PurchaseBlock | PurchaseRetainer | PurchaseTickets | AddService;

// ---------------------------------------------------------------------------------------------
// Rules

function checkDates(startDate: string, endDate: string): void {
  if (endDate <= startDate) throw new RuleViolation('contract-dates', `the end date ${endDate} must be after the start date ${startDate}`);
  const latest = addYears(startDate, CONTRACT_MAX_YEARS);
  if (endDate > latest)
    throw new RuleViolation('contract-length', `a contract lasts at most ${CONTRACT_MAX_YEARS} years: the end date ${endDate} is after ${latest}`);
}

function checkTypeFields(terms: NewContractTerms): void {
  const given: Record<keyof typeof TYPE_SPECIFIC_FIELDS, boolean> = {
    roleRates: terms.roleRates.length > 0,
    overageRate: terms.overageRate !== null,
    blockHourMultipliers: terms.blockHourMultipliers.length > 0,
    periodType: terms.periodType !== null,
  };
  for (const field of Object.keys(TYPE_SPECIFIC_FIELDS) as (keyof typeof TYPE_SPECIFIC_FIELDS)[]) {
    const types: readonly ContractType[] = TYPE_SPECIFIC_FIELDS[field];
    if (given[field] && !types.includes(terms.type)) {
      throw new RuleViolation(
        'field-not-for-contract-type',
        `${field} is not for a ${terms.type} contract; it is for ${typeList(types)} contracts`,
      );
    }
  }
  if (terms.type === 'RECURRING_SERVICE' && terms.periodType === null)
    throw new RuleViolation('field-required-for-contract-type', 'periodType is required for a RECURRING_SERVICE contract');
}

const MONEY = { maxPlaces: 4, min: '0' } as const;
const POSITIVE = { maxPlaces: 4, greaterThan: '0' } as const;

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function optionalDecimal(value: string | null, field: string): string | null {
  return value === null ? null : canonicalDecimal(value, field, MONEY);
}

/** Decimals in canonical form ("150.00" → "150"), id lists without repeats, in a fixed key order. */
function canonicalTerms(terms: NewContractTerms, status: ContractStatus): ContractTerms {
  return {
    contractId: terms.contractId,
    accountId: terms.accountId,
    name: terms.name,
    type: terms.type,
    startDate: terms.startDate,
    endDate: terms.endDate,
    status,
    purchaseOrderNumber: terms.purchaseOrderNumber,
    isDefault: terms.isDefault,
    exclusionSetId: terms.exclusionSetId,
    excludedWorkTypeIds: unique(terms.excludedWorkTypeIds),
    excludedRoleIds: unique(terms.excludedRoleIds),
    exclusionContractId: terms.exclusionContractId,
    billToAccountId: terms.billToAccountId,
    roleRates: terms.roleRates.map((r, i) => ({ roleId: r.roleId, hourlyRate: canonicalDecimal(r.hourlyRate, `roleRates.${i}.hourlyRate`, MONEY) })),
    overageRate: optionalDecimal(terms.overageRate, 'overageRate'),
    blockHourMultipliers: terms.blockHourMultipliers.map((m, i) => ({
      roleId: m.roleId,
      multiplier: canonicalDecimal(m.multiplier, `blockHourMultipliers.${i}.multiplier`, MONEY),
    })),
    periodType: terms.periodType,
    setupFee: optionalDecimal(terms.setupFee, 'setupFee'),
  };
}

function checkRolesOnce(terms: NewContractTerms): void {
  for (const [field, rows] of [
    ['roleRates', terms.roleRates],
    ['blockHourMultipliers', terms.blockHourMultipliers],
  ] as const) {
    const seen = new Set<string>();
    for (const { roleId } of rows) {
      if (seen.has(roleId)) throw new RuleViolation('duplicate-role', `${field} names role ${roleId} twice`);
      seen.add(roleId);
    }
  }
}

function requireFound(entity: string, ids: Iterable<string | null>, found: readonly string[] | undefined): void {
  for (const id of ids) if (id !== null && !(found ?? []).includes(id)) throw new NotFound(entity, id);
}

/** The exclusion contract exists, belongs to the account or its parent, and makes no cycle. */
function checkExclusionContract(
  contractId: string,
  accountId: string,
  exclusionContractId: string | null,
  references: ContractReferences,
): void {
  if (exclusionContractId === null) return;
  const contracts = references.contracts ?? {};
  const lookup = (id: string) => {
    const terms = contracts[id];
    return terms && toRoutingContract(terms);
  };
  // A link to itself is a cycle before it is a missing contract.
  if (exclusionContractId === contractId) throwCycle([contractId, contractId]);
  const target = contracts[exclusionContractId];
  if (target === undefined) throw new NotFound('exclusion contract', exclusionContractId);
  const parentAccountId = references.accounts?.[accountId]?.parentAccountId ?? null;
  if (target.accountId !== accountId && target.accountId !== parentAccountId) {
    throw new RuleViolation(
      'exclusion-contract-account',
      `exclusion contract ${exclusionContractId} belongs to account ${target.accountId}; it must belong to account ${accountId}${parentAccountId ? ` or its parent ${parentAccountId}` : ''}`,
    );
  }
  const cycle = findExclusionCycle(contractId, exclusionContractId, lookup);
  if (cycle) throwCycle(cycle);
}

function throwCycle(cycle: string[]): never {
  throw new RuleViolation('exclusion-cycle', `exclusion contracts would form a cycle: ${cycle.join(' → ')}`);
}

function checkReferences(contractId: string, terms: Partial<NewContractTerms> & { accountId: string }, references: ContractReferences): void {
  const accounts = Object.keys(references.accounts ?? {});
  requireFound('account', [terms.accountId], accounts);
  requireFound('bill-to account', [terms.billToAccountId ?? null], accounts);
  requireFound('exclusion set', [terms.exclusionSetId ?? null], references.exclusionSetIds);
  requireFound('work type', terms.excludedWorkTypeIds ?? [], references.workTypeIds);
  const roleIds = [...(terms.excludedRoleIds ?? []), ...(terms.roleRates ?? []).map((r) => r.roleId), ...(terms.blockHourMultipliers ?? []).map((m) => m.roleId)];
  requireFound('role', roleIds, references.roleIds);
  checkExclusionContract(contractId, terms.accountId, terms.exclusionContractId ?? null, references);
}

function existing(state: ContractState, contractId: string): Extract<ContractState, { status: 'exists' }> {
  if (state.status !== 'exists') throw new NotFound('contract', contractId);
  return state;
}

function changedTerms(terms: ContractTerms, changes: ContractTermsChanges): ContractTermsChanges {
  const changed: ContractTermsChanges = {};
  for (const field of CHANGEABLE_TERMS) {
    const given = changes[field];
    const value = Array.isArray(given) ? unique(given) : given;
    if (value === undefined) continue;
    const current = terms[field];
    const same = Array.isArray(value) && Array.isArray(current) ? sameIdSet(value, current) : value === current;
    if (!same) Object.assign(changed, { [field]: value });
  }
  return changed;
}

function decideChange(command: ChangeContractTerms, state: ContractState): ContractEvent[] {
  const { terms, purchases } = existing(state, command.contractId);
  const changed = changedTerms(terms, command.changes);
  if (Object.keys(changed).length === 0) return [];
  if (changed.endDate !== undefined) {
    checkDates(terms.startDate, changed.endDate);
    const last = purchases.reduce<ContractPurchase | null>((latest, p) => (latest === null || p.endDate > latest.endDate ? p : latest), null);
    if (last !== null && changed.endDate < last.endDate) {
      throw new RuleViolation(
        'end-date-before-purchase',
        `the end date ${changed.endDate} is before the end date ${last.endDate} of purchase ${last.purchaseId}`,
      );
    }
  }
  checkReferences(terms.contractId, { accountId: terms.accountId, ...changed, exclusionContractId: changed.exclusionContractId ?? null }, command.references);
  const deactivatesDefault = changed.status === 'INACTIVE' && terms.isDefault;
  return [{ type: 'ContractTermsChanged', data: { contractId: terms.contractId, ...changed, ...(deactivatesDefault ? { isDefault: false } : {}) } }];
}

type PurchaseCommand = PurchaseBlock | PurchaseRetainer | PurchaseTickets;

/** The purchase the command describes, decimals in canonical form; refuses quantities that are not positive. */
function purchaseOf(command: PurchaseCommand, sequence: number): ContractPurchase {
  const base = { purchaseId: command.purchaseId, sequence, startDate: command.startDate, endDate: command.endDate, purchasedAt: command.purchasedAt };
  switch (command.type) {
    case 'PurchaseBlock':
      return {
        kind: 'BLOCK',
        ...base,
        hours: canonicalDecimal(command.hours, 'hours', POSITIVE),
        hourlyRate: canonicalDecimal(command.hourlyRate, 'hourlyRate', MONEY),
      };
    case 'PurchaseRetainer':
      return { kind: 'RETAINER', ...base, amount: canonicalDecimal(command.amount, 'amount', POSITIVE) };
    case 'PurchaseTickets':
      if (!Number.isInteger(command.tickets) || command.tickets < 1)
        throw new RuleViolation('invalid-quantity', `tickets must be a whole number of at least 1, got ${command.tickets}`);
      return { kind: 'TICKETS', ...base, tickets: command.tickets, perTicketRate: canonicalDecimal(command.perTicketRate, 'perTicketRate', MONEY) };
    default: {
      const unknown: never = command;
      throw new Error(`unknown purchase ${String(unknown)}`);
    }
  }
}

/** Same purchase: kind, dates and quantities (decimals compared by value); sequence and time aside. */
function samePurchase(a: ContractPurchase, b: ContractPurchase): boolean {
  if (a.startDate !== b.startDate || a.endDate !== b.endDate) return false;
  switch (a.kind) {
    case 'BLOCK':
      return b.kind === 'BLOCK' && sameDecimal(a.hours, b.hours) && sameDecimal(a.hourlyRate, b.hourlyRate);
    case 'RETAINER':
      return b.kind === 'RETAINER' && sameDecimal(a.amount, b.amount);
    case 'TICKETS':
      return b.kind === 'TICKETS' && a.tickets === b.tickets && sameDecimal(a.perTicketRate, b.perTicketRate);
    default: {
      const unknown: never = a;
      return unknown;
    }
  }
}

function decidePurchase(command: PurchaseCommand, state: ContractState): ContractEvent[] {
  const { terms, purchases } = existing(state, command.contractId);
  const purchase = purchaseOf(command, purchases.length + 1);
  const previous = purchases.find((p) => p.purchaseId === command.purchaseId);
  if (previous) {
    if (samePurchase(previous, purchase)) return [];
    throw new Conflict(`purchase ${command.purchaseId} already exists on contract ${terms.contractId} with other details`, 'id-reused');
  }
  const contractType = PURCHASE_CONTRACT_TYPE[purchase.kind];
  if (terms.type !== contractType)
    throw new RuleViolation('purchase-not-for-contract-type', `a ${purchase.kind} purchase needs a ${contractType} contract; ${terms.contractId} is ${terms.type}`);
  if (purchase.endDate < purchase.startDate)
    throw new RuleViolation('purchase-dates', `the purchase's end date ${purchase.endDate} is before its start date ${purchase.startDate}`);
  if (purchase.startDate < terms.startDate || purchase.endDate > terms.endDate) {
    throw new RuleViolation(
      'purchase-outside-contract',
      `the purchase runs ${purchase.startDate} to ${purchase.endDate}, outside the contract's ${terms.startDate} to ${terms.endDate}`,
    );
  }

  const { kind, ...data } = purchase;
  switch (kind) {
    case 'BLOCK':
      return [{ type: 'BlockPurchased', data: { contractId: terms.contractId, ...(data as Omit<BlockPurchase, 'kind'>) } }];
    case 'RETAINER':
      return [{ type: 'RetainerPurchased', data: { contractId: terms.contractId, ...(data as Omit<RetainerPurchase, 'kind'>) } }];
    case 'TICKETS':
      return [{ type: 'TicketsPurchased', data: { contractId: terms.contractId, ...(data as Omit<TicketPurchase, 'kind'>) } }];
    default: {
      const unknown: never = kind;
      throw new Error(`unknown purchase kind ${String(unknown)}`);
    }
  }
}

function sameService(a: ContractService, b: ContractService): boolean {
  return (
    a.name === b.name &&
    a.billingCodeId === b.billingCodeId &&
    sameDecimal(a.units, b.units) &&
    sameDecimal(a.unitPrice, b.unitPrice) &&
    sameDecimal(a.unitCost, b.unitCost)
  );
}

function decideAddService(command: AddService, state: ContractState): ContractEvent[] {
  const { terms, services } = existing(state, command.contractId);
  const service: ContractService = {
    serviceId: command.service.serviceId,
    name: command.service.name,
    units: canonicalDecimal(command.service.units, 'units', MONEY),
    unitPrice: canonicalDecimal(command.service.unitPrice, 'unitPrice', MONEY),
    unitCost: canonicalDecimal(command.service.unitCost, 'unitCost', MONEY),
    billingCodeId: command.service.billingCodeId,
  };
  const previous = services.find((s) => s.serviceId === service.serviceId);
  if (previous) {
    if (sameService(previous, service)) return [];
    throw new Conflict(`service ${service.serviceId} already exists on contract ${terms.contractId} with other details`, 'id-reused');
  }
  if (terms.type !== 'RECURRING_SERVICE')
    throw new RuleViolation('service-not-for-contract-type', `services belong on RECURRING_SERVICE contracts; ${terms.contractId} is ${terms.type}`);
  requireFound('billing code', [service.billingCodeId], command.references.billingCodeIds);
  return [{ type: 'ServiceAdded', data: { contractId: terms.contractId, ...service } }];
}

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateContract': {
        const terms: ContractTerms = canonicalTerms(command.terms, 'ACTIVE');
        if (state.status === 'exists') {
          if (sameTerms(state.createdTerms, terms)) return [];
          throw new Conflict(`contract ${terms.contractId} already exists with other details`, 'id-reused');
        }
        checkDates(terms.startDate, terms.endDate);
        checkTypeFields(terms);
        checkRolesOnce(terms);
        checkReferences(terms.contractId, terms, command.references);
        return [{ type: 'ContractCreated', data: terms }];
      }
      case 'ChangeContractTerms':
        return decideChange(command, state);
      case 'PurchaseBlock':
      case 'PurchaseRetainer':
      case 'PurchaseTickets':
        return decidePurchase(command, state);
      case 'AddService':
        return decideAddService(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${String((unknown as { type: unknown }).type)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ContractCreated':
        return { status: 'exists', terms: event.data, purchases: [], services: [], createdTerms: event.data };
      case 'ContractTermsChanged': {
        if (state.status !== 'exists') return state;
        const { contractId: _contractId, ...changes } = event.data;
        return { ...state, terms: { ...state.terms, ...changes } };
      }
      case 'BlockPurchased':
        return state.status === 'exists' ? { ...state, purchases: [...state.purchases, { kind: 'BLOCK', ...withoutContractId(event.data) }] } : state;
      case 'RetainerPurchased':
        return state.status === 'exists' ? { ...state, purchases: [...state.purchases, { kind: 'RETAINER', ...withoutContractId(event.data) }] } : state;
      case 'TicketsPurchased':
        return state.status === 'exists' ? { ...state, purchases: [...state.purchases, { kind: 'TICKETS', ...withoutContractId(event.data) }] } : state;
      case 'ServiceAdded':
        return state.status === 'exists' ? { ...state, services: [...state.services, withoutContractId(event.data)] } : state;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};

function withoutContractId<T extends { contractId: string }>(data: T): Omit<T, 'contractId'> {
  const { contractId: _contractId, ...rest } = data;
  return rest;
}
