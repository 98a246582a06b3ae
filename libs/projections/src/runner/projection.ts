import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@billing/event-store';

/** Applies one event to the read model. Runs inside the runner's transaction: no I/O, no await. */
export type ApplyEvent = (event: RecordedEvent) => void;

/**
 * A read model built from the event log: `(event, readModel) → readModel` over SQLite tables.
 * The runner applies events and stores the checkpoint in one transaction, so a redelivered
 * event is never counted twice.
 */
export interface Projection {
  readonly name: string;
  /** Bump it when the tables or the logic change: the runner then rebuilds from position 0. */
  readonly version: number;
  /** The tables this projection owns; a rebuild drops them. */
  readonly tables: readonly string[];
  /** Creates the tables if missing and prepares what `apply` needs. */
  open(db: Database.Database): ApplyEvent;
}
