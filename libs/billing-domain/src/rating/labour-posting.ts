import { type Dec, decimalString, roundMoney } from '../shared/decimal';
import { blockHourMultiplier, blockOverageRate, consumeBlocks } from './block-consumption';
import { apportionCost, labourCost } from './cost';
import { hoursToBill } from './hours-to-bill';
import { labourCoverage } from './labour-coverage';
import { baseLabourRate, overrideHoursToBill, overrideRateAndAmount, rateLabour, workTypeBlockMultiplier } from './labour-rate';
import type { BalanceKind, LabourRateSource, PostedItemDraft, PostedItemPart } from './posted-item-draft';
import { finish, type PostingContext, refusePriceOverride } from './posting-context';
import type { QuantityDraw } from './prepaid-balance';
import { decimalOf, ZERO } from './rating-decimals';
import type { ContractRatingSnapshot, ItemOverride, PendingLabour, RoleSnapshot, WorkTypeSnapshot } from './rating-inputs';
import { consumeRetainer } from './retainer-consumption';

/** One time entry being posted: what every contract type needs to know about it. */
interface LabourRating {
  context: PostingContext;
  entry: PendingLabour;
  role: RoleSnapshot;
  workType: WorkTypeSnapshot;
  override: ItemOverride | undefined;
  /** After the approver's override. */
  hoursToBill: Dec;
  originalHoursToBill: Dec | null;
  /** Of the whole entry: hours worked × hourly cost, rounded. */
  cost: Dec;
}

/**
 * Posts a time entry (billing-rules §3, §5, §6): non-billable → no charge; Recurring, Per Ticket,
 * Fixed Price → covered; T&M or no contract → billed; Block Hours → blocks, then overage;
 * Retainer → retainer money, then overage.
 */
export function postLabour(entry: PendingLabour, context: PostingContext): PostedItemDraft[] {
  const { catalog, input } = context;
  const role = catalog.role(entry.roleId);
  const workType = catalog.workType(entry.workTypeId);
  const contract = entry.contractId === null ? null : catalog.contract(entry.contractId);
  const override = context.overrides.get(entry.id);
  const hoursWorked = decimalOf(entry.hoursWorked, 'hoursWorked');
  const computedHours = hoursToBill({
    hoursWorked,
    offsetHours: entry.offsetHours,
    roundUpMinutes: input.settings.roundUpMinutes,
    minHours: workType.minHours,
    maxHours: workType.maxHours,
  });
  const rating: LabourRating = {
    context,
    entry,
    role,
    workType,
    override,
    ...overrideHoursToBill(computedHours, override),
    cost: labourCost(hoursWorked, decimalOf(role.hourlyCost, `role ${role.id} hourlyCost`)),
  };

  if (!workType.billable) {
    refusePriceOverride(override, entry.id, 'non-billable');
    return [labourItem(rating, { type: 'LABOR', part: 'WHOLE', quantity: rating.hoursToBill, cost: rating.cost, noCharge: true })];
  }
  if (contract === null) return postBilled(rating, null);
  const coverage = labourCoverage(contract.type);
  switch (coverage) {
    case 'covered':
      refusePriceOverride(override, entry.id, 'covered by its contract');
      return [labourItem(rating, { type: 'LABOR', part: 'WHOLE', quantity: rating.hoursToBill, cost: rating.cost, covered: true })];
    case 'billed':
      return postBilled(rating, contract);
    case 'prepaid-money':
      return postOnRetainer(rating, contract);
    case 'prepaid-hours':
      return postOnBlocks(rating, contract);
    default: {
      const unknown: never = coverage;
      throw new Error(`unknown coverage ${String(unknown)}`);
    }
  }
}

/** T&M or no contract: rate × hours to bill (or the flat value), billed after the work. */
function postBilled(rating: LabourRating, contract: ContractRatingSnapshot | null): PostedItemDraft[] {
  const { hoursToBill, override } = rating;
  const base = baseLabourRate(contract, rating.role);
  const price = overrideRateAndAmount(rateLabour(base.rate, rating.workType.modifier, hoursToBill), hoursToBill, override);
  return [
    labourItem(rating, {
      type: 'LABOR',
      part: 'WHOLE',
      quantity: hoursToBill,
      rate: price.rate,
      amount: price.amount,
      cost: rating.cost,
      rateSource: price.originalRate !== null ? 'APPROVER_OVERRIDE' : base.source,
      originalRate: price.originalRate,
      originalAmount: price.originalAmount,
    }),
  ];
}

/** Retainer: the rated amount (contract rate, modifier, rounded to cents) is drawn; a shortfall is overage. */
function postOnRetainer(rating: LabourRating, contract: ContractRatingSnapshot): PostedItemDraft[] {
  const { hoursToBill, cost, context } = rating;
  const base = baseLabourRate(contract, rating.role);
  const price = overrideRateAndAmount(rateLabour(base.rate, rating.workType.modifier, hoursToBill), hoursToBill, rating.override);
  const amount = roundMoney(price.amount);
  const rateSource: LabourRateSource = price.originalRate !== null ? 'APPROVER_OVERRIDE' : base.source;
  const originals = { originalRate: price.originalRate, originalAmount: price.originalAmount };
  const consumption = consumeRetainer({
    amount,
    quantity: hoursToBill,
    itemDate: rating.entry.dateWorked,
    purchases: context.book.purchases(contract.id, 'money'),
  });
  context.book.draw('money', consumption.draws);
  const drawn = { draws: consumption.draws, drawKind: 'money' as const };

  if (consumption.draws.length === 0) {
    return [labourItem(rating, { type: 'LABOR', part: 'WHOLE', quantity: hoursToBill, rate: price.rate, amount, cost, rateSource, ...originals })];
  }
  if (consumption.shortfall.isZero()) {
    return [labourItem(rating, { type: 'LABOR', part: 'WHOLE', quantity: hoursToBill, cost, covered: true, ...drawn, ...originals })];
  }
  const costs = apportionCost(cost, consumption.coveredQuantity, hoursToBill);
  return [
    labourItem(rating, { type: 'LABOR', part: 'COVERED', quantity: consumption.coveredQuantity, cost: costs.covered, covered: true, ...drawn, ...originals }),
    labourItem(rating, {
      type: 'LABOR_OVERAGE',
      part: 'OVERAGE',
      quantity: consumption.overageQuantity,
      rate: price.rate,
      amount: consumption.shortfall,
      cost: costs.overage,
      rateSource,
      ...originals,
    }),
  ];
}

/** Block Hours: hours × multipliers drawn from the blocks; what they cannot cover is overage. */
function postOnBlocks(rating: LabourRating, contract: ContractRatingSnapshot): PostedItemDraft[] {
  const { hoursToBill, cost, context, entry } = rating;
  const consumption = consumeBlocks({
    hoursToBill,
    multiplier: blockHourMultiplier(contract, rating.role).times(workTypeBlockMultiplier(rating.workType.modifier)),
    dateWorked: entry.dateWorked,
    blocks: context.book.purchases(contract.id, 'hours'),
  });
  context.book.draw('hours', consumption.draws);
  const drawn = { draws: consumption.draws, drawKind: 'hours' as const };

  if (consumption.overageHours.isZero()) {
    refusePriceOverride(rating.override, entry.id, 'fully covered by blocks');
    return [labourItem(rating, { type: 'LABOR', part: 'WHOLE', quantity: hoursToBill, cost, covered: true, ...drawn })];
  }
  const overageRate = blockOverageRate(contract, rating.role, context.input.settings.multiplyOverage);
  const overageHours = consumption.overageHours;
  const price = overrideRateAndAmount({ rate: overageRate.rate, amount: overageRate.rate.times(overageHours) }, overageHours, rating.override);
  const overage: LabourPart = {
    type: 'LABOR_OVERAGE',
    part: 'OVERAGE',
    quantity: overageHours,
    rate: price.rate,
    amount: price.amount,
    cost,
    rateSource: price.originalRate !== null ? 'APPROVER_OVERRIDE' : overageRate.source,
    originalRate: price.originalRate,
    originalAmount: price.originalAmount,
  };
  if (consumption.draws.length === 0) return [labourItem(rating, { ...overage, part: 'WHOLE' })];
  const costs = apportionCost(cost, consumption.coveredHours, hoursToBill);
  return [
    labourItem(rating, { type: 'LABOR', part: 'COVERED', quantity: consumption.coveredHours, cost: costs.covered, covered: true, ...drawn }),
    labourItem(rating, { ...overage, cost: costs.overage }),
  ];
}

interface LabourPart {
  type: 'LABOR' | 'LABOR_OVERAGE';
  part: PostedItemPart;
  quantity: Dec;
  /** Absent: nothing charged (rate 0, amount 0.00). */
  rate?: Dec;
  amount?: Dec;
  cost: Dec;
  covered?: boolean;
  noCharge?: boolean;
  draws?: readonly QuantityDraw[];
  drawKind?: BalanceKind;
  rateSource?: LabourRateSource;
  originalRate?: Dec | null;
  originalAmount?: Dec | null;
}

function labourItem(rating: LabourRating, part: LabourPart): PostedItemDraft {
  const { entry } = rating;
  const draft = finish(rating.context, {
    ...part,
    sourceItemId: entry.id,
    contractId: entry.contractId,
    itemDate: entry.dateWorked,
    rate: part.rate ?? ZERO,
    amount: part.amount ?? ZERO,
    taxCategoryId: rating.workType.taxCategoryId ?? null,
    originalHoursToBill: rating.originalHoursToBill,
  });
  draft.labour = {
    roleId: entry.roleId,
    workTypeId: entry.workTypeId,
    hoursWorked: decimalString(decimalOf(entry.hoursWorked, 'hoursWorked')),
    hoursToBill: decimalString(rating.hoursToBill),
    rateSource: part.rateSource ?? null,
  };
  return draft;
}
