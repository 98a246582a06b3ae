import type { RecordedEvent } from '@billing/event-store';

/** When the event happened in business time (the command's), else when it was recorded. */
export function occurredAt(recorded: RecordedEvent): string {
  const at = recorded.metadata.occurredAt;
  return typeof at === 'string' ? at : recorded.recordedAt;
}
