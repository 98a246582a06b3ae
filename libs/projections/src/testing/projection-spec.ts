import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { currentSchemaVersion, type BillingEvent } from '@billing/domain';
import { SqliteEventStore } from '@billing/event-store';
import type { Projection } from '../runner/projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { openReadModelDatabase } from '../runner/read-model-database';

/** An event as a spec gives it: alone, or with the stream it is on and when it happened. */
export type GivenEvent = BillingEvent | { event: BillingEvent; streamId?: string; occurredAt?: string; schemaVersion?: number };

/** When given events happened, unless a spec says otherwise. */
export const GIVEN_AT = '2026-11-20T09:00:00.000Z';

const isBare = (given: GivenEvent): given is BillingEvent => !('event' in given);

/**
 * Given/when/then for a read model: `await projectionSpec(projection).given(events).then(query,
 * answer)`. The events are appended to an in-memory store and fed to the projection by the real
 * runner (its `canHandle`, upcasting, one transaction with the checkpoint), so what the spec
 * checks is what the service would answer. Events without a stream go to `test-{n}`; they are
 * written at their type's current schema version unless a spec names an older one.
 */
export function projectionSpec(projection: Projection) {
  return {
    given(events: readonly GivenEvent[]) {
      const readModel = async (): Promise<Database.Database> => {
        const store = new SqliteEventStore({ filename: ':memory:' });
        let n = 0;
        for (const given of events) {
          const { event, streamId, occurredAt, schemaVersion } = isBare(given) ? { event: given } : given;
          n += 1;
          await store.appendToStream(
            streamId ?? `test-${n}`,
            [
              {
                id: randomUUID(),
                type: event.type,
                data: event.data,
                metadata: { occurredAt: occurredAt ?? GIVEN_AT, schemaVersion: schemaVersion ?? currentSchemaVersion(event.type) },
              },
            ],
            { expectedRevision: 'any' },
          );
        }
        const db = openReadModelDatabase(':memory:');
        const failures: unknown[] = [];
        await new ProjectionRunner(store, db, [projection], { onError: (_name, error) => failures.push(error) }).catchUp();
        await store.close();
        // A projection that throws would otherwise leave empty tables for the spec to misread.
        if (failures.length) throw failures[0];
        return db;
      };
      return {
        /** The read model built from the events, for several queries. */
        readModel,
        /** The query's answer equals `expected`. */
        async then<T>(query: (db: Database.Database) => T, expected: T): Promise<void> {
          const db = await readModel();
          try {
            expect(query(db)).toEqual(expected);
          } finally {
            db.close();
          }
        },
      };
    },
  };
}
