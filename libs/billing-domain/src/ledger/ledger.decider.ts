import { ratePostingBatch } from '../rating/rate-posting-batch';
import type { ContractRatingSnapshot, ItemOverride, PendingItem, PostingBatchInput } from '../rating/rating-inputs';
import type { Decider } from '../shared/decider';
import { dec, decimalString, type Dec } from '../shared/decimal';
import { Conflict } from '../shared/domain-errors';
import { choiceDifferences } from '../work/approver-choices';
import type { ItemOverrides } from '../work/item-approval';
import { refuseRoutingOverride, type RoutingOverride } from '../work/routing-override';
import { decideGenerateInvoices, decideIssueInvoices, decideVoidInvoice, type LedgerInvoicingCommand } from './ledger.invoicing';
import {
  evolveLedger,
  initialLedgerState,
  postedItemsOf,
  type ItemPosted,
  type ItemUnposted,
  type LedgerEvent,
  type LedgerState,
  type SourceType,
} from './ledger.events';
import { refuseMilestoneNotDue } from './milestone-due';
import { itemUnposted } from './unpost';

/** What posting needs to know of a source item beyond what it rates. */
export interface PostingSource {
  sourceType: SourceType;
  /** The customer the work was for (the bill-to account may be another). */
  accountId: string;
  purchaseOrderNumber: string | null;
  description: string;
  approvedBy: string;
  /** The date the approver posted it on (a crash-finished posting keeps its approval's date). */
  postedDate: string;
  /** A time entry the approver re-routed (the pending item is already on the new contract). */
  routingOverride?: RoutingOverride | null;
}

export interface PostItems {
  type: 'PostItems';
  postingId: string;
  billToAccountId: string;
  items: { pending: PendingItem; source: PostingSource }[];
  /**
   * The contracts the items name, with each purchase's full size; the ledger knows what has been
   * drawn and works out what remains (any `remaining` given here is ignored).
   */
  catalog: PostingBatchInput['catalog'];
  settings: PostingBatchInput['settings'];
  /** What each item posts with (its approval's, else the request's), by item id. */
  overrides: Readonly<Record<string, ItemOverrides>>;
  billTo: PostingBatchInput['billTo'];
  /**
   * What the request itself asked: an item already posted, or approved with other choices, is
   * refused rather than answered as if the request had been followed. Absent: nothing to compare
   * (the preview).
   */
  asked?: { postedDate?: string; overrides: Readonly<Record<string, ItemOverrides>> };
}

export interface UnpostItem {
  type: 'UnpostItem';
  billingItemId: string;
  reason: string;
}

export type LedgerCommand = PostItems | UnpostItem | LedgerInvoicingCommand;

/**
 * `n` counts an item's postings within one ledger, so an item billed to another account than its
 * own (a parent, a contract's bill-to, a re-route) names that ledger too: after an unpost, the
 * same item may post to another ledger, whose count starts again. `@` is never in a client id.
 */
export const billingItemId = (sourceItemId: string, n: number, billToAccountId: string, accountId: string) =>
  billToAccountId === accountId ? `bi-${sourceItemId}-${n}` : `bi-${sourceItemId}-${n}@${billToAccountId}`;

function withRemaining(contract: ContractRatingSnapshot, drawn: Map<string, Dec>): ContractRatingSnapshot {
  const left = (id: string, size: Dec) => size.minus(drawn.get(id) ?? 0);
  return {
    ...contract,
    blockPurchases: contract.blockPurchases?.map((p) => ({ ...p, remaining: decimalString(left(p.id, dec(p.hours))) })),
    retainerPurchases: contract.retainerPurchases?.map((p) => ({ ...p, remaining: decimalString(left(p.id, dec(p.amount))) })),
    ticketPurchases: contract.ticketPurchases?.map((p) => ({ ...p, remaining: left(p.id, dec(p.tickets)).toNumber() })),
  };
}

/**
 * The request's choices against the item's: a posted item stands on its posting (a posting written
 * before v2 did not record its overrides: those it posts with now, its approval's, stand in); an
 * approved one on its approval, which the command carries.
 */
function checkAskedChoices(command: PostItems, state: LedgerState): void {
  const { asked } = command;
  if (!asked) return;
  for (const { pending, source } of command.items) {
    const itemAsked = { postedDate: asked.postedDate, overrides: asked.overrides[pending.id] };
    const posted = postedItemsOf(state, pending.id)[0];
    const overrides = posted?.overrides ?? command.overrides[pending.id] ?? {};
    const differences = choiceDifferences({ postedDate: posted?.postedDate ?? source.postedDate, overrides }, itemAsked);
    if (differences.length === 0) continue;
    if (posted)
      throw new Conflict(
        'posted-with-other-choices',
        `item ${pending.id} is already posted with ${differences.join('; ')}; unpost it to post it with other choices`,
      );
    throw new Conflict(
      'approved-with-other-choices',
      `item ${pending.id} is approved with ${differences.join('; ')} and waits to post with them; release it (POST /api/approve-and-post/release) to post it with other choices`,
    );
  }
}

/** The overrides the rating engine reads; a re-route is already in the pending item's contract. */
function ratingOverrides(command: PostItems, ids: Set<string>): Record<string, ItemOverride> {
  const overrides: Record<string, ItemOverride> = {};
  for (const { pending, source } of command.items) {
    const given = command.overrides[pending.id];
    if (!ids.has(pending.id) || given === undefined) continue;
    if (!source.routingOverride) refuseRoutingOverride(pending.kind.toLowerCase(), pending.id, given);
    const { contractId: _contractId, reason: _reason, ...priced } = given;
    if (Object.keys(priced).length) overrides[pending.id] = priced;
  }
  return overrides;
}

function decidePosting(command: PostItems, state: LedgerState): ItemPosted[] {
  checkAskedChoices(command, state);
  const toPost = command.items.filter(({ pending }) => !state.postedBySource.has(pending.id));
  if (toPost.length === 0) return [];
  for (const { pending, source } of toPost) refuseMilestoneNotDue(pending, source.postedDate);
  const ids = new Set(toPost.map(({ pending }) => pending.id));
  const { items } = ratePostingBatch({
    items: toPost.map(({ pending }) => pending),
    catalog: { ...command.catalog, contracts: command.catalog.contracts.map((c) => withRemaining(c, state.drawn)) },
    settings: command.settings,
    overrides: ratingOverrides(command, ids),
    billTo: command.billTo,
  });
  const sources = new Map(command.items.map(({ pending, source }) => [pending.id, source]));
  const counts = new Map<string, number>();
  return items.map((draft) => {
    const source = sources.get(draft.sourceItemId)!;
    const n = (counts.get(draft.sourceItemId) ?? state.everBySource.get(draft.sourceItemId) ?? 0) + 1;
    counts.set(draft.sourceItemId, n);
    return {
      type: 'ItemPosted',
      data: {
        ...draft,
        billingItemId: billingItemId(draft.sourceItemId, n, command.billToAccountId, source.accountId),
        postingId: command.postingId,
        sourceType: source.sourceType,
        accountId: source.accountId,
        billToAccountId: command.billToAccountId,
        purchaseOrderNumber: source.purchaseOrderNumber,
        postedDate: source.postedDate,
        description: source.description,
        approvedBy: source.approvedBy,
        overrides: command.overrides[draft.sourceItemId] ?? {},
        routingOverride: source.routingOverride ?? null,
      },
    };
  });
}

function decideUnpost(command: UnpostItem, state: LedgerState): ItemUnposted[] {
  const unposted = itemUnposted(state, command.billingItemId, command.reason);
  return unposted ? [unposted] : [];
}

function decideLedger(command: LedgerCommand, state: LedgerState): LedgerEvent[] {
  switch (command.type) {
    case 'PostItems':
      return decidePosting(command, state);
    case 'UnpostItem':
      return decideUnpost(command, state);
    case 'GenerateInvoices':
      return decideGenerateInvoices(command, state);
    case 'IssueInvoices':
      return decideIssueInvoices(command, state);
    case 'VoidInvoice':
      return decideVoidInvoice(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const ledgerDecider: Decider<LedgerCommand, LedgerEvent, LedgerState> = {
  decide: decideLedger,
  evolve: evolveLedger,
  initialState: initialLedgerState,
};
