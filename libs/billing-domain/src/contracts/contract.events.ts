import type { DomainEvent } from '../shared/decider';

export const CONTRACT_TYPES = ['TIME_AND_MATERIALS', 'BLOCK_HOURS', 'RETAINER', 'PER_TICKET', 'RECURRING_SERVICE', 'FIXED_PRICE'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
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

export type ContractCreated = DomainEvent<'ContractCreated', ContractTerms>;
/** Only the fields that changed, each with its full new value. A later `endDate` is a renewal (§7). */
export type ContractTermsChanged = DomainEvent<'ContractTermsChanged', { contractId: string } & ContractTermsChanges & { isDefault?: boolean }>;
export type BlockPurchased = DomainEvent<'BlockPurchased', { contractId: string } & Omit<BlockPurchase, 'kind'>>;
export type RetainerPurchased = DomainEvent<'RetainerPurchased', { contractId: string } & Omit<RetainerPurchase, 'kind'>>;
export type TicketsPurchased = DomainEvent<'TicketsPurchased', { contractId: string } & Omit<TicketPurchase, 'kind'>>;
export type ServiceAdded = DomainEvent<'ServiceAdded', { contractId: string } & ContractService>;

export type ContractEvent = ContractCreated | ContractTermsChanged | BlockPurchased | RetainerPurchased | TicketsPurchased | ServiceAdded;

export type ExistingContract = {
  status: 'exists';
  terms: ContractTerms;
  purchases: ContractPurchase[];
  services: ContractService[];
  /** The terms as created: what a repeated create is compared with. */
  createdTerms: ContractTerms;
};
export type ContractState = { status: 'none' } | ExistingContract;

export const initialContractState = (): ContractState => ({ status: 'none' });

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
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
}

function withoutContractId<T extends { contractId: string }>(data: T): Omit<T, 'contractId'> {
  const { contractId: _contractId, ...rest } = data;
  return rest;
}
