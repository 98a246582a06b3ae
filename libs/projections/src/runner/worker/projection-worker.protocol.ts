import type { ProjectionProgress } from '../projection-status';

/** Where the worker finds the events: the same store the service writes to. */
export type StoreLocation = { kind: 'sqlite'; filename: string } | { kind: 'esdb'; connectionString: string };

export interface ProjectionWorkerSetup {
  store: StoreLocation;
  readModelFile: string;
  /** A module exporting `PROJECTIONS` to run instead of every read model (tests). */
  projectionsModule?: string;
  batchSize?: number;
}

export type Command = { type: 'start' } | { type: 'stop' } | { type: 'rebuild'; name: string } | { type: 'close' };

/** From the service to the worker. */
export type ToWorker = { type: 'appended' } | { type: 'command'; id: number; command: Command };

/** From the worker to the service. */
export type FromWorker =
  | { type: 'opened'; progress: ProjectionProgress[] }
  | { type: 'progress'; progress: ProjectionProgress[] }
  | { type: 'failed'; projection: string; error: string }
  | { type: 'done'; id: number; progress: ProjectionProgress[]; error?: string };
