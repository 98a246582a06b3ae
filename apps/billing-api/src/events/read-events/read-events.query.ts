import type { FeedFilter } from '../feed-filter';

/** A page of the event log after `fromPosition`: at most `limit` events that `filter` selects. */
export class ReadEventsQuery {
  constructor(
    readonly fromPosition: bigint,
    readonly limit: number,
    readonly filter: FeedFilter,
  ) {}
}
