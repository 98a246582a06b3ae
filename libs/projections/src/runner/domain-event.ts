import { upcast, type DomainEvent } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';

/** A stored event raised to its current schema version, as every projection wants it. */
export function domainEvent<E extends DomainEvent = DomainEvent>(recorded: RecordedEvent): E {
  const version = recorded.metadata.schemaVersion;
  return upcast<E>({ type: recorded.type, data: recorded.data, schemaVersion: typeof version === 'number' ? version : 1 });
}
