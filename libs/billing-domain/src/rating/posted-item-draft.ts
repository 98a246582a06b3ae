import type { DecimalString, IsoDate } from './rating-inputs';

/** Money as it travels: a decimal string with exactly two places ("506.25"). */
export type MoneyString = string;

export type PostedItemType =
  | 'LABOR'
  | 'LABOR_OVERAGE'
  | 'CHARGE'
  | 'EXPENSE'
  | 'BLOCK_PURCHASE'
  | 'RETAINER_PURCHASE'
  | 'TICKET_PURCHASE'
  | 'TICKET'
  | 'SERVICE_PERIOD'
  | 'SERVICE_ADJUSTMENT'
  | 'SETUP_FEE'
  | 'MILESTONE';

/**
 * WHOLE: the item posted as one piece. COVERED / OVERAGE: the two pieces of an item a prepaid
 * balance could only partly pay (billing-rules §6: "an entry split by a short block yields two").
 */
export type PostedItemPart = 'WHOLE' | 'COVERED' | 'OVERAGE';

export type BalanceKind = 'hours' | 'money' | 'tickets';

/** Where the rate of a billed labour item came from. */
export type LabourRateSource = 'CONTRACT_ROLE_RATE' | 'ROLE_RATE' | 'CONTRACT_OVERAGE_RATE' | 'APPROVER_OVERRIDE';

export interface ItemDraw {
  purchaseId: string;
  kind: BalanceKind;
  /** Hours, money or tickets taken from the purchase. */
  quantity: DecimalString;
}

export interface PostedLabourDetail {
  roleId: string;
  workTypeId: string;
  hoursWorked: DecimalString;
  /** Of the whole entry (a split's parts carry their share as `quantity`). */
  hoursToBill: DecimalString;
  /** Null when nothing is charged (covered, no charge). */
  rateSource: LabourRateSource | null;
}

/** What the approver overrode: the value the engine computed before the override. */
export interface OriginalValues {
  hoursToBill?: DecimalString;
  rate?: DecimalString;
  amount?: MoneyString;
}

/** One posted billing item, ready to go into `ItemPosted`. */
export interface PostedItemDraft {
  sourceItemId: string;
  type: PostedItemType;
  part: PostedItemPart;
  contractId: string | null;
  itemDate: IsoDate;
  /** Hours to bill for labour, units for charges and purchases, 1 for expenses and tickets. */
  quantity: DecimalString;
  /** Per unit of `quantity`; "0" for covered and no-charge items; the value for a flat modifier. */
  rate: DecimalString;
  amount: MoneyString;
  tax: MoneyString;
  cost: MoneyString;
  /** Paid by a prepaid balance or by the contract's fee. */
  covered: boolean;
  /** Non-billable: shown as "No charge" where the work type says so. */
  noCharge: boolean;
  taxCategoryId: string | null;
  draws: ItemDraw[];
  labour?: PostedLabourDetail;
  original?: OriginalValues;
}

/** The batch's total draw on one purchase. */
export interface BalanceDraw {
  purchaseId: string;
  contractId: string;
  kind: BalanceKind;
  quantity: DecimalString;
  remainingBefore: DecimalString;
  remainingAfter: DecimalString;
}

export interface PostingBatchResult {
  items: PostedItemDraft[];
  draws: BalanceDraw[];
}
