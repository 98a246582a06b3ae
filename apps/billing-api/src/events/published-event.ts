import { currentSchemaVersion } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import { domainEvent } from '@billing/projections';

/**
 * An event as the ledger publishes it (the feed, one stream's events, Server-Sent Events,
 * webhooks, audit answers): raised to its type's current schema version, positions and revisions
 * as decimal strings (they are 64-bit), the metadata as stored without the store's own
 * `schemaVersion` (it is the field of that name here).
 */
export interface PublishedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** The stream's category: its id up to the first `-` (`ledger` for `ledger-acme`). */
  category: string;
  revision: string;
  position: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
};

export function publishedEvent(recorded: RecordedEvent): PublishedEvent {
  const { schemaVersion: _stored, ...metadata } = recorded.metadata;
  const event = domainEvent(recorded);
  return {
    id: recorded.id,
    type: recorded.type,
    schemaVersion: currentSchemaVersion(recorded.type),
    streamId: recorded.streamId,
    category: categoryOf(recorded.streamId),
    revision: recorded.revision.toString(),
    position: recorded.position.toString(),
    recordedAt: recorded.recordedAt,
    data: event.data as Record<string, unknown>,
    metadata,
  };
}
