import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type Subscription } from '@billing/event-store';
import { matchesFeedFilter, storeFilterOf, type FeedFilter } from '../feed-filter';
import { publishedEvent, type PublishedEvent } from '../published-event';
import { StreamEventsQuery } from './stream-events.query';

/** Published events of a store subscription; `close` ends the iteration (and the subscription). */
export interface EventSubscription extends AsyncIterable<PublishedEvent> {
  close(): Promise<void>;
}

async function* published(subscription: Subscription, filter: FeedFilter): AsyncGenerator<PublishedEvent> {
  // The store filters by category prefix; the exact category is checked here.
  for await (const recorded of subscription) if (matchesFeedFilter(filter, recorded)) yield publishedEvent(recorded);
}

@QueryHandler(StreamEventsQuery)
export class StreamEventsHandler implements IQueryHandler<StreamEventsQuery, EventSubscription> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ fromPosition, filter }: StreamEventsQuery): Promise<EventSubscription> {
    const subscription = this.store.subscribeToAll({ fromPosition, filter: storeFilterOf(filter) });
    const events = published(subscription, filter);
    return {
      [Symbol.asyncIterator]: () => events,
      close: () => subscription.close(),
    };
  }
}
