import type { FeedFilter } from '../feed-filter';

/** The events after `fromPosition` that `filter` selects: the backlog, then live, until closed. */
export class StreamEventsQuery {
  constructor(
    readonly fromPosition: bigint,
    readonly filter: FeedFilter,
  ) {}
}
