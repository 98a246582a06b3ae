import type { ItemDraw, PostedItemDraft } from '../rating/posted-item-draft';
import type { DomainEvent } from '../shared/decider';
import type { ItemOverrides } from '../work/item-approval';
import type { RoutingOverride } from '../work/routing-override';
import { dec, type Dec } from '../shared/decimal';

/**
 * The ledger of one bill-to account: what was posted, unposted and (later) invoiced, and what
 * every prepaid purchase has given. One stream per bill-to account is the consistency boundary
 * of the money: no item posted twice, no balance drawn twice (architecture.md, "Streams").
 */
export const ledgerStream = (billToAccountId: string) => `ledger-${billToAccountId}`;

export type SourceType = 'TIME_ENTRY' | 'CHARGE' | 'EXPENSE' | 'BLOCK_PURCHASE' | 'RETAINER_PURCHASE' | 'TICKET_PURCHASE' | 'TICKET';

/** A posted billing item (http-api.md, "A billing item"), frozen in `ItemPosted` (v2: `overrides`, `routingOverride`). */
export interface BillingItemData extends PostedItemDraft {
  billingItemId: string;
  postingId: string;
  sourceType: SourceType;
  accountId: string;
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  postedDate: string;
  description: string;
  approvedBy: string;
  /** The approver's overrides of the source item as given (`{}` for none); null in postings written before v2. */
  overrides: ItemOverrides | null;
  /** The entry re-routed by the approver (billing-rules §4.4); null when it posted where routing put it. */
  routingOverride: RoutingOverride | null;
}

export interface ItemUnpostedData {
  sourceItemId: string;
  sourceType: SourceType;
  billingItemIds: string[];
  /** What the posting drew, given back to each purchase. */
  returned: ItemDraw[];
  reason: string;
}

export type ItemPosted = DomainEvent<'ItemPosted', BillingItemData>;
export type ItemUnposted = DomainEvent<'ItemUnposted', ItemUnpostedData>;
export type LedgerEvent = ItemPosted | ItemUnposted;

export interface LedgerItem {
  data: BillingItemData;
  status: 'POSTED' | 'UNPOSTED';
  invoiceId: string | null;
}

/**
 * Folded for speed into maps that `evolve` updates in place: the state belongs to whoever folded
 * it (`initialLedgerState` makes a new one each time).
 */
export interface LedgerState {
  items: Map<string, LedgerItem>;
  /** The billing items each source item is posted as now. */
  postedBySource: Map<string, string[]>;
  /** How many billing items each source has ever had (ids never repeat after an unpost). */
  everBySource: Map<string, number>;
  /** Net of unposts, by purchase id. */
  drawn: Map<string, Dec>;
  /** Events folded so far: equal counts mean the same ledger. */
  folded: number;
}

export function initialLedgerState(): LedgerState {
  return { items: new Map(), postedBySource: new Map(), everBySource: new Map(), drawn: new Map(), folded: 0 };
}

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  state.folded += 1;
  switch (event.type) {
    case 'ItemPosted': {
      const { data } = event;
      state.items.set(data.billingItemId, { data, status: 'POSTED', invoiceId: null });
      state.postedBySource.set(data.sourceItemId, [...(state.postedBySource.get(data.sourceItemId) ?? []), data.billingItemId]);
      state.everBySource.set(data.sourceItemId, (state.everBySource.get(data.sourceItemId) ?? 0) + 1);
      for (const draw of data.draws) state.drawn.set(draw.purchaseId, (state.drawn.get(draw.purchaseId) ?? dec(0)).plus(draw.quantity));
      return state;
    }
    case 'ItemUnposted': {
      const { data } = event;
      for (const id of data.billingItemIds) {
        const item = state.items.get(id);
        if (item) item.status = 'UNPOSTED';
      }
      state.postedBySource.delete(data.sourceItemId);
      for (const draw of data.returned) state.drawn.set(draw.purchaseId, (state.drawn.get(draw.purchaseId) ?? dec(0)).minus(draw.quantity));
      return state;
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The billing items a source item is posted as now, in posting order. */
export function postedItemsOf(state: LedgerState, sourceItemId: string): BillingItemData[] {
  return (state.postedBySource.get(sourceItemId) ?? []).map((id) => state.items.get(id)!.data);
}
