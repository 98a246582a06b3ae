import type { EventFilter, RecordedEvent } from '@billing/event-store';
import { categoryOf } from './published-event';

/** What a reader of the feed asks for: event types and stream categories; an absent list selects all. */
export interface FeedFilter {
  types?: readonly string[];
  categories?: readonly string[];
}

/** An event type as the ledger names them (`ItemPosted`): no spaces, commas or line breaks. */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;
/** A stream category: a stream id up to its first `-` (`ledger` of `ledger-acme`). */
export const CATEGORY_PATTERN = /^[A-Za-z][A-Za-z0-9_.:]{0,99}$/;
/** Names in one `types` or `category` list. */
export const MAX_FILTER_NAMES = 50;

export const isEmptyFilter = (filter: FeedFilter) => !filter.types?.length && !filter.categories?.length;

/**
 * The store's filter of a feed filter, for `subscribeToAll`. A category goes as the prefix of its
 * name, which also takes in `ledgerArchive-…` for `ledger`: `matchesFeedFilter` keeps the exact ones.
 */
export function storeFilterOf(filter: FeedFilter): EventFilter | undefined {
  if (isEmptyFilter(filter)) return undefined;
  return {
    ...(filter.categories?.length ? { streamPrefixes: [...filter.categories] } : {}),
    ...(filter.types?.length ? { eventTypes: [...filter.types] } : {}),
  };
}

/** Whether an event is one the filter selects: its type in `types` and its stream's category in `categories`, where given. */
export function matchesFeedFilter(filter: FeedFilter, event: Pick<RecordedEvent, 'type' | 'streamId'>): boolean {
  if (filter.types?.length && !filter.types.includes(event.type)) return false;
  if (filter.categories?.length && !filter.categories.includes(categoryOf(event.streamId))) return false;
  return true;
}
