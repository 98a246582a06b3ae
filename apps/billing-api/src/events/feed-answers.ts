import type { PublishedEvent } from './published-event';

/** A page of the event log: the events, where to ask from next (`fromPosition`), and the store's last position. */
export interface EventPage {
  events: PublishedEvent[];
  /** The position of the last event this page looked at: the next page's `fromPosition`. */
  nextPosition: string;
  /** The position of the store's last event when the page was read: the reader is caught up once `nextPosition` reaches it. */
  headPosition: string;
}

/** A page of one stream's events. */
export interface StreamPage {
  streamId: string;
  events: PublishedEvent[];
  /** The revision to ask from next (`fromRevision`): one after the page's last event. */
  nextRevision: string;
  /** The revision of the stream's last event when the page was read. */
  headRevision: string;
}

const decimalString = (description: string) => ({ type: 'string', pattern: '^[0-9]+$', description });

/** The OpenAPI schema of `PublishedEvent` (apps/billing-api/src/events/published-event.ts). */
export const PUBLISHED_EVENT_SCHEMA = {
  type: 'object',
  required: ['id', 'type', 'schemaVersion', 'streamId', 'category', 'revision', 'position', 'recordedAt', 'data', 'metadata'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', example: 'ItemPosted' },
    schemaVersion: { type: 'integer', description: "The type's current schema version: older events are upcast to it" },
    streamId: { type: 'string', example: 'ledger-acme' },
    category: { type: 'string', example: 'ledger' },
    revision: decimalString('0-based place in its stream'),
    position: decimalString('Global position, strictly increasing across all streams'),
    recordedAt: { type: 'string', format: 'date-time' },
    data: { type: 'object' },
    metadata: { type: 'object', description: 'actor, actorRole, correlationId, causationId, occurredAt, and reason where a person gave one' },
  },
};

export const EVENT_PAGE_SCHEMA = {
  type: 'object',
  required: ['events', 'nextPosition', 'headPosition'],
  properties: {
    events: { type: 'array', items: PUBLISHED_EVENT_SCHEMA },
    nextPosition: decimalString('Ask from here next (`fromPosition`): the position of the last event the page looked at, matched or not'),
    headPosition: decimalString("The store's last position when the page was read"),
  },
};

export const STREAM_PAGE_SCHEMA = {
  type: 'object',
  required: ['streamId', 'events', 'nextRevision', 'headRevision'],
  properties: {
    streamId: { type: 'string' },
    events: { type: 'array', items: PUBLISHED_EVENT_SCHEMA },
    nextRevision: decimalString('Ask from here next (`fromRevision`)'),
    headRevision: decimalString("The revision of the stream's last event"),
  },
};
