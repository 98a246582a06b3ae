import type { ProjectionStatus } from './projection-status';

/**
 * The feed of the read models, whichever thread it runs in: `ProjectionRunner` in this thread,
 * `ProjectionWorker` in a worker thread of its own. Also the service's injection token.
 */
export abstract class Projections {
  /** Starts feeding in the background; the read models' tables exist when it returns. */
  abstract start(): void | Promise<void>;
  abstract stop(): Promise<void>;
  /** Drops a projection's tables and checkpoint and replays it from the start. */
  abstract rebuild(name: string): Promise<void>;
  /** True once every projection has applied the event at `position`; false on timeout or failure. */
  abstract waitForPosition(position: bigint, timeoutMs?: number): Promise<boolean>;
  abstract status(): Promise<ProjectionStatus[]>;
  /** Stops and lets go of what the feed opened itself. */
  abstract close(): Promise<void>;
}
