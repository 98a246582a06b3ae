import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import type { EventPage } from '../feed-answers';
import { isEmptyFilter, matchesFeedFilter } from '../feed-filter';
import { publishedEvent, type PublishedEvent } from '../published-event';
import { ReadEventsQuery } from './read-events.query';

/**
 * Events one filtered page looks at, at most. A sparse filter (a type that is one event in a
 * million) answers a short or empty page with `nextPosition` moved on, instead of reading the
 * whole store in one request; the reader follows `nextPosition` until it reaches `headPosition`.
 */
export const SCAN_WINDOW = 10_000;

@QueryHandler(ReadEventsQuery)
export class ReadEventsHandler implements IQueryHandler<ReadEventsQuery, EventPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ fromPosition, limit, filter }: ReadEventsQuery): Promise<EventPage> {
    const events: PublishedEvent[] = [];
    let looked = fromPosition;
    const maxCount = isEmptyFilter(filter) ? limit : Math.max(limit, SCAN_WINDOW);
    for await (const recorded of this.store.readAll({ fromPosition, maxCount })) {
      looked = recorded.position;
      if (!matchesFeedFilter(filter, recorded)) continue;
      events.push(publishedEvent(recorded));
      if (events.length === limit) break;
    }
    // Read after the page, so that it is never behind the page's own events.
    const head = await this.store.headPosition();
    return { events, nextPosition: looked.toString(), headPosition: head.toString() };
  }
}
