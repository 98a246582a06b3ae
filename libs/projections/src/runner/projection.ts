import type Database from 'better-sqlite3';
import type { DomainEvent } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';

/**
 * Applies one event, raised to its current schema version, to the read model; `recorded` has
 * the store's facts (stream, position, metadata). Runs inside the runner's transaction: no I/O,
 * no await.
 */
export type ApplyEvent<Event extends DomainEvent = DomainEvent> = (event: Event, recorded: RecordedEvent) => void;

/**
 * A read model built from the event log: `(event, readModel) → readModel` over SQLite tables.
 * The runner applies events and stores the checkpoint in one transaction, so a redelivered
 * event is never counted twice.
 */
export interface Projection<Event extends DomainEvent = DomainEvent> {
  readonly name: string;
  /** Bump it when the tables or the logic change: the runner then rebuilds from position 0. */
  readonly version: number;
  /** The tables this projection owns; a rebuild drops them. */
  readonly tables: readonly string[];
  /** The event types it reads: the runner hands it no other. */
  readonly canHandle: readonly Event['type'][];
  /** Creates the tables if missing and prepares what `apply` needs. */
  open(db: Database.Database): ApplyEvent<Event>;
}
