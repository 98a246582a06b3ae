import { type Dec, decimalString, moneyString, roundMoney } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import { checkItemAmount } from '../shared/money-bounds';
import type { BalanceBook } from './balance-book';
import { hasPriceOverride } from './labour-rate';
import type { BalanceKind, PostedItemDraft, PostedItemPart, PostedItemType } from './posted-item-draft';
import type { QuantityDraw } from './prepaid-balance';
import type { ContractRatingSnapshot, IsoDate, ItemOverride, PostingBatchInput, RoleSnapshot, WorkTypeSnapshot } from './rating-inputs';
import { taxFor, taxRatesFor } from './tax';

/** The catalog of a batch, by id; an unknown id is NotFound. */
export interface IndexedCatalog {
  role(id: string): RoleSnapshot;
  workType(id: string): WorkTypeSnapshot;
  contract(id: string): ContractRatingSnapshot;
}

/** What posting one item needs from its batch. */
export interface PostingContext {
  catalog: IndexedCatalog;
  /** The balances as drawn so far in this batch. */
  book: BalanceBook;
  input: PostingBatchInput;
  overrides: ReadonlyMap<string, ItemOverride>;
}

/** A posted item before its amount is rounded and taxed. */
export interface DraftInDecimals {
  sourceItemId: string;
  type: PostedItemType;
  part: PostedItemPart;
  contractId: string | null;
  itemDate: IsoDate;
  taxCategoryId: string | null;
  quantity: Dec;
  rate: Dec;
  /** Unrounded: rounded here, once. */
  amount: Dec;
  cost: Dec;
  covered?: boolean;
  noCharge?: boolean;
  draws?: readonly QuantityDraw[];
  drawKind?: BalanceKind;
  originalHoursToBill?: Dec | null;
  originalRate?: Dec | null;
  originalAmount?: Dec | null;
}

/**
 * Rounds the item's amount once (half-up to cents), taxes it, and writes it out as decimal strings.
 * Every posted item passes here, so an amount rated beyond the bound (rates × hours × multipliers,
 * overrides) is refused here.
 */
export function finish(context: PostingContext, d: DraftInDecimals): PostedItemDraft {
  const amount = roundMoney(d.amount);
  checkItemAmount(amount, `the amount of item ${d.sourceItemId}`);
  const { billTo } = context.input;
  const tax = taxFor(amount, { taxExempt: billTo.taxExempt, rates: taxRatesFor(billTo, d.taxCategoryId) });
  const draft: PostedItemDraft = {
    sourceItemId: d.sourceItemId,
    type: d.type,
    part: d.part,
    contractId: d.contractId,
    itemDate: d.itemDate,
    quantity: decimalString(d.quantity),
    rate: decimalString(d.rate),
    amount: moneyString(amount),
    tax: moneyString(tax),
    cost: moneyString(d.cost),
    covered: d.covered ?? false,
    noCharge: d.noCharge ?? false,
    taxCategoryId: d.taxCategoryId,
    draws: (d.draws ?? []).map((draw) => ({
      purchaseId: draw.purchaseId,
      kind: d.drawKind ?? 'hours',
      quantity: decimalString(draw.quantity),
    })),
  };
  const original = {
    ...(d.originalHoursToBill != null && { hoursToBill: decimalString(d.originalHoursToBill) }),
    ...(d.originalRate != null && { rate: decimalString(d.originalRate) }),
    ...(d.originalAmount != null && { amount: moneyString(d.originalAmount) }),
  };
  if (Object.keys(original).length > 0) draft.original = original;
  return draft;
}

/** An approver's rate or amount on an item that charges nothing would be silently lost: refuse it. */
export function refusePriceOverride(override: ItemOverride | undefined, itemId: string, why: string): void {
  if (hasPriceOverride(override)) {
    throw new RuleViolation('override-on-uncharged-item', `item ${itemId} is ${why}: there is no rate or amount to override`);
  }
}
