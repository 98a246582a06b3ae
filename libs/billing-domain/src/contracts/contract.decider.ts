import { canonicalDecimal } from '../catalog/catalog-decimal';
import type { Decider } from '../shared/decider';
import { dec } from '../shared/decimal';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { checkItemAmount } from '../shared/money-bounds';
import {
  evolveContract,
  initialContractState,
  type ContractEvent,
  type ContractPurchase,
  type ContractService,
  type ContractState,
  type ContractTerms,
  type ContractTermsChanges,
  type ExistingContract,
  type NewContractTerms,
} from './contract.events';
import {
  canonicalMoney,
  canonicalRate,
  canonicalTerms,
  changedTerms,
  checkDates,
  checkEndDateAfterPurchases,
  checkPurchaseFits,
  checkReferences,
  checkRolesOnce,
  checkTypeFields,
  POSITIVE,
  requireFound,
  samePurchase,
  sameService,
  sameTerms,
  type ContractReferences,
} from './contract.rules';
import { checkEndDateAfterMilestones, decideMilestone, type MilestoneCommand } from './milestone.decider';
import { decideRecurring, type RecurringCommand } from './recurring.decider';

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
  /** Gives the purchase item its tax category (billing-rules §10). */
  billingCodeId: string | null;
  references: Pick<ContractReferences, 'billingCodeIds'>;
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

export type ContractCommand =
  CreateContract | ChangeContractTerms | PurchaseBlock | PurchaseRetainer | PurchaseTickets | AddService | RecurringCommand | MilestoneCommand;
type PurchaseCommand = PurchaseBlock | PurchaseRetainer | PurchaseTickets;

function existing(state: ContractState, contractId: string): ExistingContract {
  if (state.status !== 'exists') throw new NotFound('contract', contractId);
  return state;
}

function decideCreate(command: CreateContract, state: ContractState): ContractEvent[] {
  const terms: ContractTerms = canonicalTerms(command.terms, 'ACTIVE');
  if (state.status === 'exists') {
    if (sameTerms(state.createdTerms, terms)) return [];
    throw new Conflict('id-reused', `contract ${terms.contractId} already exists with other details`);
  }
  checkDates(terms.startDate, terms.endDate);
  checkTypeFields(terms);
  checkRolesOnce(terms);
  checkReferences(terms.contractId, terms, command.references);
  return [{ type: 'ContractCreated', data: terms }];
}

/**
 * Only what differs is written. A later end date is the renewal of billing-rules §7, its own event
 * (`ContractExtended`, with the end date it replaces); the other changes, an earlier end date
 * among them, are one `ContractTermsChanged`.
 */
function decideChange(command: ChangeContractTerms, state: ContractState): ContractEvent[] {
  const { terms, purchases, milestones } = existing(state, command.contractId);
  const changed = changedTerms(terms, command.changes);
  if (Object.keys(changed).length === 0) return [];
  if (changed.endDate !== undefined) {
    checkDates(terms.startDate, changed.endDate);
    checkEndDateAfterPurchases(changed.endDate, purchases);
    checkEndDateAfterMilestones(changed.endDate, milestones);
  }
  checkReferences(terms.contractId, { accountId: terms.accountId, ...changed, exclusionContractId: changed.exclusionContractId ?? null }, command.references);
  const { endDate, ...others } = changed;
  const extended = endDate !== undefined && endDate > terms.endDate;
  const termsChanged = extended ? others : changed;
  const deactivatesDefault = changed.status === 'INACTIVE' && terms.isDefault;
  const events: ContractEvent[] = [];
  if (extended) events.push({ type: 'ContractExtended', data: { contractId: terms.contractId, previousEndDate: terms.endDate, newEndDate: endDate } });
  if (Object.keys(termsChanged).length > 0)
    events.push({ type: 'ContractTermsChanged', data: { contractId: terms.contractId, ...termsChanged, ...(deactivatesDefault ? { isDefault: false } : {}) } });
  return events;
}

/** The purchase the command describes, decimals in canonical form; refuses quantities that are not positive and amounts beyond the bound. */
function purchaseOf(command: PurchaseCommand, sequence: number): ContractPurchase {
  const base = {
    purchaseId: command.purchaseId,
    sequence,
    startDate: command.startDate,
    endDate: command.endDate,
    purchasedAt: command.purchasedAt,
    billingCodeId: command.billingCodeId,
  };
  switch (command.type) {
    case 'PurchaseBlock': {
      const hours = canonicalDecimal(command.hours, 'hours', POSITIVE);
      const hourlyRate = canonicalRate(command.hourlyRate, 'hourlyRate');
      checkItemAmount(dec(hours).times(hourlyRate), `purchase ${command.purchaseId}: hours × hourlyRate`);
      return { kind: 'BLOCK', ...base, hours, hourlyRate };
    }
    case 'PurchaseRetainer':
      return { kind: 'RETAINER', ...base, amount: canonicalDecimal(command.amount, 'amount', POSITIVE) };
    case 'PurchaseTickets': {
      if (!Number.isInteger(command.tickets) || command.tickets < 1)
        throw new RuleViolation('invalid-quantity', `tickets must be a whole number of at least 1, got ${command.tickets}`);
      const perTicketRate = canonicalMoney(command.perTicketRate, 'perTicketRate');
      checkItemAmount(dec(command.tickets).times(perTicketRate), `purchase ${command.purchaseId}: tickets × perTicketRate`);
      return { kind: 'TICKETS', ...base, tickets: command.tickets, perTicketRate };
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown purchase ${String(unknown)}`);
    }
  }
}

function purchased(contractId: string, purchase: ContractPurchase): ContractEvent {
  switch (purchase.kind) {
    case 'BLOCK': {
      const { kind: _kind, ...data } = purchase;
      return { type: 'BlockPurchased', data: { contractId, ...data } };
    }
    case 'RETAINER': {
      const { kind: _kind, ...data } = purchase;
      return { type: 'RetainerPurchased', data: { contractId, ...data } };
    }
    case 'TICKETS': {
      const { kind: _kind, ...data } = purchase;
      return { type: 'TicketsPurchased', data: { contractId, ...data } };
    }
    default: {
      const unknown: never = purchase;
      throw new Error(`unknown purchase ${String(unknown)}`);
    }
  }
}

function decidePurchase(command: PurchaseCommand, state: ContractState): ContractEvent[] {
  const { terms, purchases } = existing(state, command.contractId);
  const purchase = purchaseOf(command, purchases.length + 1);
  const previous = purchases.find((p) => p.purchaseId === command.purchaseId);
  if (previous) {
    if (samePurchase(previous, purchase)) return [];
    throw new Conflict('id-reused', `purchase ${command.purchaseId} already exists on contract ${terms.contractId} with other details`);
  }
  checkPurchaseFits(purchase, terms);
  requireFound('billing code', [purchase.billingCodeId], command.references.billingCodeIds);
  return [purchased(terms.contractId, purchase)];
}

function decideAddService(command: AddService, state: ContractState): ContractEvent[] {
  const { terms, services } = existing(state, command.contractId);
  const service: ContractService = {
    serviceId: command.service.serviceId,
    name: command.service.name,
    units: canonicalMoney(command.service.units, 'units'),
    unitPrice: canonicalMoney(command.service.unitPrice, 'unitPrice'),
    unitCost: canonicalMoney(command.service.unitCost, 'unitCost'),
    billingCodeId: command.service.billingCodeId,
  };
  checkItemAmount(dec(service.units).times(service.unitPrice), `service ${service.serviceId}: units × unitPrice`);
  const previous = services.find((s) => s.serviceId === service.serviceId);
  if (previous) {
    if (sameService(previous, service)) return [];
    throw new Conflict('id-reused', `service ${service.serviceId} already exists on contract ${terms.contractId} with other details`);
  }
  if (terms.type !== 'RECURRING_SERVICE')
    throw new RuleViolation('service-not-for-contract-type', `services belong on RECURRING_SERVICE contracts; ${terms.contractId} is ${terms.type}`);
  requireFound('billing code', [service.billingCodeId], command.references.billingCodeIds);
  return [{ type: 'ServiceAdded', data: { contractId: terms.contractId, ...service } }];
}

function decideContract(command: ContractCommand, state: ContractState): ContractEvent[] {
  switch (command.type) {
    case 'CreateContract':
      return decideCreate(command, state);
    case 'ChangeContractTerms':
      return decideChange(command, state);
    case 'PurchaseBlock':
    case 'PurchaseRetainer':
    case 'PurchaseTickets':
      return decidePurchase(command, state);
    case 'AddService':
      return decideAddService(command, state);
    case 'AccrueRecurring':
    case 'ChangeServiceUnits':
    case 'ConfirmLicenceException':
    case 'RejectLicenceException':
      return decideRecurring(command, state);
    case 'AddMilestone':
    case 'MarkMilestoneReady':
      return decideMilestone(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  decide: decideContract,
  evolve: evolveContract,
  initialState: initialContractState,
};
