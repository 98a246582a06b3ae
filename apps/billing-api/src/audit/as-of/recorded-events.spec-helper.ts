import { currentSchemaVersion, type DomainEvent } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';

/**
 * Events as a store would have recorded them, for the pure specs of the audit queries: each on its
 * stream (revisions counted per stream), at global positions 1, 2, 3…, recorded a minute apart
 * from 2026-11-20 09:00 UTC, with the metadata a finance key's command writes.
 */
export function recordedEvents(events: readonly { event: DomainEvent; streamId: string; reason?: string }[]): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  return events.map(({ event, streamId, reason }, i) => {
    const revision = revisions.get(streamId) ?? 0n;
    revisions.set(streamId, revision + 1n);
    const recordedAt = new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString();
    return {
      id: `event-${i + 1}`,
      type: event.type,
      data: event.data,
      metadata: {
        actor: 'key-fin',
        actorRole: 'finance',
        correlationId: `corr-${i + 1}`,
        causationId: `cause-${i + 1}`,
        occurredAt: recordedAt,
        ...(reason === undefined ? {} : { reason }),
        schemaVersion: currentSchemaVersion(event.type),
      },
      streamId,
      revision,
      position: BigInt(i + 1),
      recordedAt,
    };
  });
}
