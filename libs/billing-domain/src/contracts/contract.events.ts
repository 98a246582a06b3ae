import type { DomainEvent } from '../shared/decider';
import { evolveMilestones, type MilestoneEvent, type MilestoneState } from './milestone.events';
import { evolveRecurring, initialRecurringState, type RecurringEvent, type RecurringState } from './recurring.events';

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
  /**
   * Recurring Service only (ContractCreated v2): a synced unit count that changes by more than
   * this percentage of the current units is held for a person (billing-rules §7); null: 20.
   */
  licenceTolerancePercent: string | null;
  /**
   * Any type (ContractCreated v2): when accrual runs past the end date, the contract renews itself
   * by this period, as often as it takes (billing-rules §7); null: it does not renew itself.
   */
  renewalPeriod: PeriodType | null;
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
  'renewalPeriod',
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
  /** Gives the purchase item its tax category (purchase events v2; null: untaxed, as every purchase before v2). */
  billingCodeId: string | null;
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

/** A recurring service as added: units and prices (its unit changes and accruals are in `RecurringState`). */
export interface ContractService {
  serviceId: string;
  name: string;
  units: string;
  unitPrice: string;
  unitCost: string;
  billingCodeId: string | null;
}

export type ContractCreated = DomainEvent<'ContractCreated', ContractTerms>;
/**
 * Only the fields that changed, each with its full new value (v2: `renewalPeriod` may be among
 * them). An `endDate` here shortens the contract: a later one is `ContractExtended` (before that
 * event existed, a later `endDate` here was the renewal).
 */
export type ContractTermsChanged = DomainEvent<'ContractTermsChanged', { contractId: string } & ContractTermsChanges & { isDefault?: boolean }>;
/** billing-rules §7: a person moved the end date later (`PATCH /api/contracts/:id { endDate }`). */
export type ContractExtended = DomainEvent<'ContractExtended', { contractId: string; previousEndDate: string; newEndDate: string }>;
/** billing-rules §7: the contract renewed itself by its `renewalPeriod`, when accrual ran past its end date. */
export type ContractRenewed = DomainEvent<'ContractRenewed', { contractId: string; previousEndDate: string; newEndDate: string; period: PeriodType }>;
export type BlockPurchased = DomainEvent<'BlockPurchased', { contractId: string } & Omit<BlockPurchase, 'kind'>>;
export type RetainerPurchased = DomainEvent<'RetainerPurchased', { contractId: string } & Omit<RetainerPurchase, 'kind'>>;
export type TicketsPurchased = DomainEvent<'TicketsPurchased', { contractId: string } & Omit<TicketPurchase, 'kind'>>;
export type ServiceAdded = DomainEvent<'ServiceAdded', { contractId: string } & ContractService>;

export type ContractEvent =
  | ContractCreated
  | ContractTermsChanged
  | ContractExtended
  | ContractRenewed
  | BlockPurchased
  | RetainerPurchased
  | TicketsPurchased
  | ServiceAdded
  | RecurringEvent
  | MilestoneEvent;

export type ExistingContract = {
  status: 'exists';
  terms: ContractTerms;
  purchases: ContractPurchase[];
  services: ContractService[];
  /** The terms as created: what a repeated create is compared with. */
  createdTerms: ContractTerms;
  /** Accruals, unit changes and licence exceptions (billing-rules §7). */
  recurring: RecurringState;
  /** Fixed Price: the milestones, in the order added, and whether each is ready to bill. */
  milestones: MilestoneState[];
};
export type ContractState = { status: 'none' } | ExistingContract;

export const initialContractState = (): ContractState => ({ status: 'none' });

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  switch (event.type) {
    case 'ContractCreated':
      return {
        status: 'exists',
        terms: event.data,
        purchases: [],
        services: [],
        createdTerms: event.data,
        recurring: initialRecurringState(),
        milestones: [],
      };
    case 'ContractTermsChanged': {
      if (state.status !== 'exists') return state;
      const { contractId: _contractId, ...changes } = event.data;
      return { ...state, terms: { ...state.terms, ...changes } };
    }
    case 'ContractExtended':
    case 'ContractRenewed':
      return state.status === 'exists' ? { ...state, terms: { ...state.terms, endDate: event.data.newEndDate } } : state;
    case 'MilestoneAdded':
    case 'MilestoneReadyToBill':
      return state.status === 'exists' ? { ...state, milestones: evolveMilestones(state.milestones, event) } : state;
    case 'BlockPurchased':
      return state.status === 'exists' ? { ...state, purchases: [...state.purchases, { kind: 'BLOCK', ...withoutContractId(event.data) }] } : state;
    case 'RetainerPurchased':
      return state.status === 'exists' ? { ...state, purchases: [...state.purchases, { kind: 'RETAINER', ...withoutContractId(event.data) }] } : state;
    case 'TicketsPurchased':
      return state.status === 'exists' ? { ...state, purchases: [...state.purchases, { kind: 'TICKETS', ...withoutContractId(event.data) }] } : state;
    case 'ServiceAdded':
      return state.status === 'exists' ? { ...state, services: [...state.services, withoutContractId(event.data)] } : state;
    case 'ServicePeriodAccrued':
    case 'ServiceAdjustmentAccrued':
    case 'SetupFeeAccrued':
    case 'ServiceUnitsChanged':
    case 'LicenceChangeHeld':
    case 'LicenceExceptionConfirmed':
    case 'LicenceExceptionRejected':
    case 'LicenceExceptionSuperseded':
      return state.status === 'exists' ? { ...state, recurring: evolveRecurring(state.recurring, event) } : state;
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
