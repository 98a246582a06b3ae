import type Database from 'better-sqlite3';
import type { EventStore } from '@billing/event-store';
import { ProjectionRunner, type Projection } from '@billing/projections';
import { storeUpTo } from './store-up-to';

/** Projections to rebuild up to one position (the position their live checkpoint names). */
export interface RebuildTarget {
  toPosition: bigint;
  projections: readonly Projection[];
}

export interface RebuildResult {
  /** Events read from the store, over every target. */
  eventsRead: number;
  /** Projections that failed (an apply threw): their tables stop where it threw. */
  failures: { projection: string; error: string }[];
}

export interface RebuildOptions {
  /** Called every `progressEvery` events read (default 1000), with the position reached and the events read so far. */
  onProgress?: (position: bigint, events: number) => void;
  progressEvery?: number;
  /** Events per transaction (the runner's default, as in the service, when left out). */
  batchSize?: number;
}

/**
 * Rebuilds read models from position 0 into `db` (a fresh database) with the service's own
 * `ProjectionRunner`: one catch-up per target, in the order given, each stopping at its target's
 * position. Targets at different positions (live projections that stand at different checkpoints)
 * each read the store from the start; in the usual case every projection stands at one position
 * and the store is read once.
 */
export async function rebuildReadModels(
  store: EventStore,
  db: Database.Database,
  targets: readonly RebuildTarget[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const progressEvery = options.progressEvery ?? 1000;
  const failures: RebuildResult['failures'] = [];
  let eventsRead = 0;
  for (const target of targets) {
    const upTo = storeUpTo(store, target.toPosition, (event) => {
      eventsRead += 1;
      if (eventsRead % progressEvery === 0) options.onProgress?.(event.position, eventsRead);
    });
    const runner = new ProjectionRunner(upTo, db, target.projections, {
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      onError: (projection, error) => failures.push({ projection, error: error instanceof Error ? error.message : String(error) }),
    });
    await runner.catchUp();
    await runner.close();
    options.onProgress?.(target.toPosition, eventsRead);
  }
  return { eventsRead, failures };
}
