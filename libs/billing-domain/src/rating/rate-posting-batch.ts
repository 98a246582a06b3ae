import { type Dec, roundMoney } from '../shared/decimal';
import { NotFound, RuleViolation } from '../shared/domain-errors';
import { openBalanceBook } from './balance-book';
import { apportionCost, chargeCost } from './cost';
import { assertRoundUpMinutes } from './hours-to-bill';
import { overrideRateAndAmount } from './labour-rate';
import { postLabour } from './labour-posting';
import type { PostedItemDraft, PostedItemType, PostingBatchResult } from './posted-item-draft';
import { finish, type IndexedCatalog, type PostingContext, refusePriceOverride } from './posting-context';
import { compareStrings } from './prepaid-balance';
import { decimalOf, isoDateOf, nonNegative, ONE, ZERO } from './rating-decimals';
import type {
  ContractRatingSnapshot,
  IsoDate,
  ItemOverride,
  PendingCharge,
  PendingExpense,
  PendingItem,
  PendingRecurringItem,
  PendingTicket,
  PostingBatchInput,
} from './rating-inputs';
import type { ContractType } from '../contracts/contract.events';
import { consumeRetainer } from './retainer-consumption';
import { assertWholeTickets, consumeTicket, ticketLabourAmount } from './ticket-consumption';

/**
 * Rates one Approve & Post batch (billing-rules §5, §6, §8, §10): every pending item becomes one
 * posted billing item draft, or two when a prepaid balance pays only part of it, with the draws
 * on the purchases. Pure and deterministic: the items are applied in the order of billing-rules §6
 * (item date, then start time with entries without one first, then id) whatever the order of
 * the input array, and the input is never mutated. Money rounds half-up to cents once per item.
 */
export function ratePostingBatch(input: PostingBatchInput): PostingBatchResult {
  assertRoundUpMinutes(input.settings.roundUpMinutes);
  const context: PostingContext = {
    catalog: indexCatalog(input),
    book: openBalanceBook(input.catalog.contracts),
    input,
    overrides: validatedOverrides(input),
  };
  const items = inPostingOrder(input.items).flatMap((item) => postItem(item, context));
  return { items, draws: context.book.totals() };
}

/** The order balances are drawn in (billing-rules §6): item date, start time (none first), id. */
export function inPostingOrder(items: readonly PendingItem[]): PendingItem[] {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new RuleViolation('duplicate-item', `item ${item.id} appears twice in the batch`);
    ids.add(item.id);
    isoDateOf(itemDateOf(item), `item ${item.id} date`);
  }
  return [...items].sort(
    (a, b) => compareStrings(itemDateOf(a), itemDateOf(b)) || compareStartTimes(startTimeOf(a), startTimeOf(b)) || compareStrings(a.id, b.id),
  );
}

function itemDateOf(item: PendingItem): IsoDate {
  return item.kind === 'LABOR' ? item.dateWorked : item.itemDate;
}

function startTimeOf(item: PendingItem): string | null {
  return item.kind === 'LABOR' ? (item.startTime ?? null) : null;
}

function compareStartTimes(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareStrings(a, b);
}

// ---------------------------------------------------------------------------------------------

function indexCatalog(input: PostingBatchInput): IndexedCatalog {
  const roles = byId(input.catalog.roles, 'role');
  const workTypes = byId(input.catalog.workTypes, 'workType');
  const contracts = byId(input.catalog.contracts, 'contract');
  const find = <T>(map: Map<string, T>, entity: string, id: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new NotFound(entity, id);
    return found;
  };
  return {
    role: (id) => find(roles, 'role', id),
    workType: (id) => find(workTypes, 'workType', id),
    contract: (id) => find(contracts, 'contract', id),
  };
}

function byId<T extends { id: string }>(rows: readonly T[], entity: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    if (map.has(row.id)) throw new RuleViolation('duplicate-catalog-entry', `${entity} ${row.id} appears twice in the catalog`);
    map.set(row.id, row);
  }
  return map;
}

function validatedOverrides(input: PostingBatchInput): Map<string, ItemOverride> {
  const kinds = new Map(input.items.map((item) => [item.id, item.kind]));
  const overrides = new Map<string, ItemOverride>();
  for (const [itemId, override] of Object.entries(input.overrides ?? {})) {
    const kind = kinds.get(itemId);
    if (kind === undefined) throw new RuleViolation('override-unknown-item', `override for item ${itemId}, which is not in the batch`);
    const allowed = kind === 'LABOR' || ((kind === 'CHARGE' || kind === 'EXPENSE') && override.hoursToBill === undefined && override.hourlyRate === undefined);
    if (!allowed) throw new RuleViolation('override-not-allowed', `the approver cannot override these values of a ${kind} item (${itemId})`);
    overrides.set(itemId, override);
  }
  return overrides;
}

function postItem(item: PendingItem, context: PostingContext): PostedItemDraft[] {
  switch (item.kind) {
    case 'LABOR':
      return postLabour(item, context);
    case 'CHARGE':
      return postCharge(item, context);
    case 'EXPENSE':
      return postExpense(item, context);
    case 'BLOCK_PURCHASE': {
      assertContractType(context, item.contractId, 'BLOCK_HOURS', item.id);
      const hours = nonNegative(decimalOf(item.hours, 'block hours'), 'block hours');
      const rate = decimalOf(item.hourlyRate, 'block hourlyRate');
      return [billed(context, item, 'BLOCK_PURCHASE', { quantity: hours, rate, amount: hours.times(rate) })];
    }
    case 'RETAINER_PURCHASE': {
      assertContractType(context, item.contractId, 'RETAINER', item.id);
      const amount = decimalOf(item.amount, 'retainer amount');
      return [billed(context, item, 'RETAINER_PURCHASE', { quantity: ONE, rate: amount, amount })];
    }
    case 'TICKET_PURCHASE': {
      assertContractType(context, item.contractId, 'PER_TICKET', item.id);
      const tickets = decimalOf(String(assertWholeTickets(item.tickets, 'tickets')), 'tickets');
      const rate = decimalOf(item.perTicketRate, 'perTicketRate');
      return [billed(context, item, 'TICKET_PURCHASE', { quantity: tickets, rate, amount: tickets.times(rate) })];
    }
    case 'TICKET':
      return postTicket(item, context);
    case 'SERVICE_PERIOD':
    case 'SERVICE_ADJUSTMENT':
      assertContractType(context, item.contractId, 'RECURRING_SERVICE', item.id);
      return [postRecurring(item, context)];
    case 'SETUP_FEE':
      context.catalog.contract(item.contractId);
      return [postRecurring(item, context)];
    case 'MILESTONE': {
      assertContractType(context, item.contractId, 'FIXED_PRICE', item.id);
      const amount = decimalOf(item.amount, 'milestone amount');
      return [billed(context, item, 'MILESTONE', { quantity: ONE, rate: amount, amount })];
    }
    default: {
      const unknown: never = item;
      throw new RuleViolation('item-kind', `unknown pending item ${JSON.stringify(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Charges and expenses

function postCharge(charge: PendingCharge, context: PostingContext): PostedItemDraft[] {
  const quantity = decimalOf(charge.quantity, 'charge quantity');
  const unitPrice = decimalOf(charge.unitPrice, 'charge unitPrice');
  const cost = chargeCost(quantity, decimalOf(charge.unitCost, 'charge unitCost'));
  return postMoneyItem(context, charge, 'CHARGE', { quantity, rate: unitPrice, amount: quantity.times(unitPrice), cost });
}

function postExpense(expense: PendingExpense, context: PostingContext): PostedItemDraft[] {
  const amount = decimalOf(expense.amount, 'expense amount');
  const cost = roundMoney(expense.cost == null ? amount : decimalOf(expense.cost, 'expense cost'));
  return postMoneyItem(context, expense, 'EXPENSE', { quantity: ONE, rate: amount, amount, cost });
}

/** Charges and expenses: their billable flag, the approver's amount; charges also a retainer's money. */
function postMoneyItem(
  context: PostingContext,
  item: PendingCharge | PendingExpense,
  type: 'CHARGE' | 'EXPENSE',
  priced: { quantity: Dec; rate: Dec; amount: Dec; cost: Dec },
): PostedItemDraft[] {
  const override = context.overrides.get(item.id);
  const contract = item.contractId === null ? null : context.catalog.contract(item.contractId);
  const base = { sourceItemId: item.id, type, contractId: item.contractId, itemDate: item.itemDate, taxCategoryId: item.taxCategoryId ?? null };
  if (!item.billable) {
    refusePriceOverride(override, item.id, 'non-billable');
    return [finish(context, { ...base, part: 'WHOLE', quantity: priced.quantity, rate: ZERO, amount: ZERO, cost: priced.cost, noCharge: true })];
  }
  const price = overrideRateAndAmount({ rate: priced.rate, amount: priced.amount }, priced.quantity, override);
  const amount = roundMoney(price.amount);
  const originalAmount = price.originalAmount;
  const whole = { ...base, part: 'WHOLE' as const, quantity: priced.quantity, rate: priced.rate, amount, cost: priced.cost, originalAmount };
  // billing-rules §6: billable labour and billable charges draw on a retainer; expenses are billed after the work.
  if (contract?.type !== 'RETAINER' || type === 'EXPENSE') return [finish(context, whole)];

  const consumption = consumeRetainer({
    amount,
    quantity: priced.quantity,
    itemDate: item.itemDate,
    purchases: context.book.purchases(contract.id, 'money'),
  });
  context.book.draw('money', consumption.draws);
  if (consumption.draws.length === 0) return [finish(context, whole)];
  const draws = { draws: consumption.draws, drawKind: 'money' as const };
  if (consumption.shortfall.isZero()) {
    return [finish(context, { ...whole, rate: ZERO, amount: ZERO, covered: true, ...draws })];
  }
  const costs = apportionCost(priced.cost, consumption.coveredQuantity, priced.quantity);
  return [
    finish(context, {
      ...whole,
      part: 'COVERED',
      quantity: consumption.coveredQuantity,
      rate: ZERO,
      amount: ZERO,
      cost: costs.covered,
      covered: true,
      ...draws,
    }),
    finish(context, { ...whole, part: 'OVERAGE', quantity: consumption.overageQuantity, amount: consumption.shortfall, cost: costs.overage }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Purchases and tickets

function assertContractType(context: PostingContext, contractId: string, expected: ContractType, itemId: string): ContractRatingSnapshot {
  const contract = context.catalog.contract(contractId);
  if (contract.type !== expected) {
    throw new RuleViolation('contract-type-mismatch', `item ${itemId} needs a ${expected} contract; ${contractId} is ${contract.type}`);
  }
  return contract;
}

function billed(
  context: PostingContext,
  item: PendingItem & { itemDate: IsoDate; taxCategoryId?: string | null },
  type: PostedItemType,
  priced: { quantity: Dec; rate: Dec; amount: Dec },
): PostedItemDraft {
  return finish(context, {
    sourceItemId: item.id,
    type,
    part: 'WHOLE',
    contractId: item.contractId,
    itemDate: item.itemDate,
    taxCategoryId: item.taxCategoryId ?? null,
    cost: ZERO,
    ...priced,
  });
}

/** Priced when accrued (billing-rules §7): posted as it is, with its cost. */
function postRecurring(item: PendingRecurringItem, context: PostingContext): PostedItemDraft {
  return finish(context, {
    sourceItemId: item.id,
    type: item.kind,
    part: 'WHOLE',
    contractId: item.contractId,
    itemDate: item.itemDate,
    taxCategoryId: item.taxCategoryId ?? null,
    quantity: decimalOf(item.quantity, `${item.kind} quantity`),
    rate: decimalOf(item.rate, `${item.kind} rate`),
    amount: decimalOf(item.amount, `${item.kind} amount`),
    cost: decimalOf(item.cost, `${item.kind} cost`),
  });
}

function postTicket(ticket: PendingTicket, context: PostingContext): PostedItemDraft[] {
  const contract = assertContractType(context, ticket.contractId, 'PER_TICKET', ticket.id);
  const draw = consumeTicket(ticket.itemDate, context.book.purchases(contract.id, 'tickets'));
  if (draw !== null) {
    context.book.draw('tickets', [draw]);
    return [
      finish(context, {
        sourceItemId: ticket.id,
        type: 'TICKET',
        part: 'WHOLE',
        contractId: ticket.contractId,
        itemDate: ticket.itemDate,
        taxCategoryId: ticket.taxCategoryId ?? null,
        quantity: ONE,
        rate: ZERO,
        amount: ZERO,
        cost: ZERO,
        covered: true,
        draws: [draw],
        drawKind: 'tickets',
      }),
    ];
  }
  // No ticket left: the overage rate per ticket, else the ticket's labour at role rates.
  const rate =
    contract.overageRate != null
      ? decimalOf(contract.overageRate, `contract ${contract.id} overageRate`)
      : roundMoney(
          ticketLabourAmount(ticket.labour, context.input.settings.roundUpMinutes, {
            role: context.catalog.role,
            workType: context.catalog.workType,
          }),
        );
  return [billed(context, ticket, 'TICKET', { quantity: ONE, rate, amount: rate })];
}
