/**
 * The plain data the rating engine reads: snapshots of the catalog, the contracts with their
 * purchase balances, the pending items of one Approve & Post batch, the approver's overrides and
 * the bill-to account's tax context. Money, rates and hours travel as decimal strings.
 */

import type { ContractStatus, ContractType } from '../contracts/contract.events';

/** A business date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A decimal as it travels: "150", "1.25", "0.08875". Never a JavaScript number. */
export type DecimalString = string;

// ---------------------------------------------------------------------------------------------
// Routing (billing-rules §4)

export interface ExclusionSetSnapshot {
  workTypeIds: readonly string[];
  roleIds: readonly string[];
}

/** What routing needs to know about a contract. */
export interface RoutingContract {
  id: string;
  type: ContractType;
  status: ContractStatus;
  startDate: IsoDate;
  endDate: IsoDate;
  excludedWorkTypeIds: readonly string[];
  excludedRoleIds: readonly string[];
  exclusionSet?: ExclusionSetSnapshot | null;
  exclusionContractId?: string | null;
}

export type RoutingContractLookup = (contractId: string) => RoutingContract | undefined;

export interface TimeEntryToRoute {
  /** The contract named on the entry. */
  contractId?: string | null;
  /** The account's default (service-desk) contract. */
  defaultContractId?: string | null;
  dateWorked: IsoDate;
  workTypeId: string;
  roleId: string;
}

// ---------------------------------------------------------------------------------------------
// Catalog (billing-rules §2)

/** The work-type rate modifier: applied to the base rate of billable labour. */
export type RateModifier =
  | { kind: 'none' }
  | { kind: 'add'; value: DecimalString }
  | { kind: 'multiply'; value: DecimalString }
  | { kind: 'custom'; value: DecimalString }
  | { kind: 'flat'; value: DecimalString };

export interface RoleSnapshot {
  id: string;
  /** What the customer pays per hour. */
  hourlyRate: DecimalString;
  /** What the MSP pays per hour. */
  hourlyCost: DecimalString;
  /** Block hours drawn per hour to bill; default 1. */
  blockHourMultiplier?: DecimalString | null;
}

export interface WorkTypeSnapshot {
  id: string;
  billable: boolean;
  showOnInvoice?: boolean;
  taxCategoryId?: string | null;
  minHours?: DecimalString | null;
  maxHours?: DecimalString | null;
  modifier: RateModifier;
}

// ---------------------------------------------------------------------------------------------
// Contracts and prepaid balances (billing-rules §3, §6)

/** One row of a contract's "Rates & Multipliers": both fields optional. */
export interface ContractRoleRate {
  roleId: string;
  hourlyRate?: DecimalString | null;
  blockHourMultiplier?: DecimalString | null;
}

interface PurchaseBalanceBase {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate;
  active: boolean;
  /** Purchase order on the contract: the tie-break between purchases that start the same day. */
  sequence: number;
}

export interface BlockPurchaseBalance extends PurchaseBalanceBase {
  hours: DecimalString;
  hourlyRate: DecimalString;
  /** Hours left before this batch. */
  remaining: DecimalString;
}

export interface RetainerPurchaseBalance extends PurchaseBalanceBase {
  amount: DecimalString;
  /** Money left before this batch. */
  remaining: DecimalString;
}

export interface TicketPurchaseBalance extends PurchaseBalanceBase {
  tickets: number;
  perTicketRate: DecimalString;
  /** Tickets left before this batch. */
  remaining: number;
}

export interface ContractRatingSnapshot {
  id: string;
  type: ContractType;
  roleRates?: readonly ContractRoleRate[];
  /** Block Hours: per hour of overage, for every role. Per Ticket: per ticket beyond the purchases. */
  overageRate?: DecimalString | null;
  blockPurchases?: readonly BlockPurchaseBalance[];
  retainerPurchases?: readonly RetainerPurchaseBalance[];
  ticketPurchases?: readonly TicketPurchaseBalance[];
}

export interface RatingCatalog {
  roles: readonly RoleSnapshot[];
  workTypes: readonly WorkTypeSnapshot[];
  contracts: readonly ContractRatingSnapshot[];
}

// ---------------------------------------------------------------------------------------------
// Settings, tax context

export interface RatingSettings {
  /** Round hours worked up to this many minutes: 0 (none) or a multiple of 3 up to 60. */
  roundUpMinutes: number;
  /** Apply the block-hour multiplier to the block overage rate. */
  multiplyOverage: boolean;
}

export interface TaxRate {
  name: string;
  rate: DecimalString;
  /** Applied on the amount plus the other (simple) taxes. At most one per category. */
  compound: boolean;
}

/** The bill-to account's tax position. */
export interface BillToTaxContext {
  taxExempt: boolean;
  /** The rates of the account's tax region, by tax category; null when it has no region. */
  region: { id: string; ratesByCategory: Readonly<Record<string, readonly TaxRate[]>> } | null;
}

// ---------------------------------------------------------------------------------------------
// Pending items (one Approve & Post batch)

interface PendingItemBase {
  /** Unique within the batch. */
  id: string;
  contractId: string | null;
}

/** A time entry, already routed (its `contractId` is the routing result). */
export interface PendingLabour extends PendingItemBase {
  kind: 'LABOR';
  dateWorked: IsoDate;
  /** UTC timestamp (ISO 8601) of a start/stop entry; null for decimal-hours entries. */
  startTime?: string | null;
  roleId: string;
  workTypeId: string;
  hoursWorked: DecimalString;
  offsetHours?: DecimalString | null;
}

export interface PendingCharge extends PendingItemBase {
  kind: 'CHARGE';
  itemDate: IsoDate;
  quantity: DecimalString;
  unitPrice: DecimalString;
  unitCost: DecimalString;
  billable: boolean;
  taxCategoryId?: string | null;
}

export interface PendingExpense extends PendingItemBase {
  kind: 'EXPENSE';
  itemDate: IsoDate;
  amount: DecimalString;
  /** What the MSP paid; defaults to `amount`. */
  cost?: DecimalString | null;
  billable: boolean;
  taxCategoryId?: string | null;
}

export interface PendingBlockPurchase extends PendingItemBase {
  kind: 'BLOCK_PURCHASE';
  contractId: string;
  itemDate: IsoDate;
  hours: DecimalString;
  hourlyRate: DecimalString;
  taxCategoryId?: string | null;
}

export interface PendingRetainerPurchase extends PendingItemBase {
  kind: 'RETAINER_PURCHASE';
  contractId: string;
  itemDate: IsoDate;
  amount: DecimalString;
  taxCategoryId?: string | null;
}

export interface PendingTicketPurchase extends PendingItemBase {
  kind: 'TICKET_PURCHASE';
  contractId: string;
  itemDate: IsoDate;
  tickets: number;
  perTicketRate: DecimalString;
  taxCategoryId?: string | null;
}

/** A time entry of a ticket, as the ticket fallback (no ticket left, no overage rate) bills it. */
export interface TicketLabourEntry {
  id: string;
  roleId: string;
  workTypeId: string;
  hoursWorked: DecimalString;
  offsetHours?: DecimalString | null;
}

/** A ticket completed under a Per Ticket contract. */
export interface PendingTicket extends PendingItemBase {
  kind: 'TICKET';
  contractId: string;
  /** The completion date. */
  itemDate: IsoDate;
  /** The ticket's time entries on that contract. */
  labour: readonly TicketLabourEntry[];
  taxCategoryId?: string | null;
}

/**
 * An item accrual created on a contract (billing-rules §7): a service period, a prorated
 * adjustment (its amount may be negative) or a setup fee, priced when it was accrued.
 */
export interface PendingRecurringItem extends PendingItemBase {
  kind: 'SERVICE_PERIOD' | 'SERVICE_ADJUSTMENT' | 'SETUP_FEE';
  contractId: string;
  itemDate: IsoDate;
  /** Units (the change in units for an adjustment; 1 for a setup fee). */
  quantity: DecimalString;
  rate: DecimalString;
  /** Money, already rounded to cents. */
  amount: DecimalString;
  cost: DecimalString;
  taxCategoryId?: string | null;
}

/** A milestone of a Fixed Price contract, ready to bill (billing-rules §7), dated its due date. */
export interface PendingMilestone extends PendingItemBase {
  kind: 'MILESTONE';
  contractId: string;
  /** The due date: the ledger refuses to post it on an earlier posted date. */
  itemDate: IsoDate;
  amount: DecimalString;
  taxCategoryId?: string | null;
}

export type PendingItem =
  | PendingLabour
  | PendingCharge
  | PendingExpense
  | PendingBlockPurchase
  | PendingRetainerPurchase
  | PendingTicketPurchase
  | PendingTicket
  | PendingRecurringItem
  | PendingMilestone;

/**
 * What the approver changed at Approve & Post. Labour: any field; charges and expenses: `amount`;
 * other items: nothing.
 */
export interface ItemOverride {
  hoursToBill?: DecimalString;
  hourlyRate?: DecimalString;
  amount?: DecimalString;
}

export interface PostingBatchInput {
  items: readonly PendingItem[];
  catalog: RatingCatalog;
  settings: RatingSettings;
  /** By pending item id. */
  overrides?: Readonly<Record<string, ItemOverride>>;
  billTo: BillToTaxContext;
}
