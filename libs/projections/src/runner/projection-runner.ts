import type Database from 'better-sqlite3';
import type { DomainEvent } from '@billing/domain';
import type { EventStore, RecordedEvent, Subscription } from '@billing/event-store';
import { domainEvent } from './domain-event';
import type { ApplyEvent, Projection } from './projection';
import { withLag, type ProjectionProgress, type ProjectionStatus } from './projection-status';
import type { Projections } from './projections';
import { ProgressWaiters } from './progress-waiters';

export interface ProjectionRunnerOptions {
  /** Events applied per transaction while catching up. */
  batchSize?: number;
  /** Called when a projection fails; the others keep going. */
  onError?: (projection: string, error: unknown) => void;
  /** Called when reading the store fails: every projection has stopped; `start` tries again. */
  onStoreFailure?: (error: unknown) => void;
  /** Called whenever a position, a state or a failure changes (after each batch). */
  onProgress?: () => void;
}

interface Running {
  projection: Projection;
  /** The event types it reads. */
  handles: ReadonlySet<string>;
  apply: ApplyEvent;
  position: bigint;
  failed: boolean;
  error?: string;
}

/** An `apply` that threw, with the projection it belongs to. */
class ProjectionFailure extends Error {
  constructor(
    readonly run: Running,
    override readonly cause: unknown,
  ) {
    super(`projection ${run.projection.name} failed`);
  }
}

const NOTHING_YET = Symbol('nothing yet');
const nextTurn = () => new Promise<typeof NOTHING_YET>((resolve) => setImmediate(() => resolve(NOTHING_YET)));

const CHECKPOINTS = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name     TEXT PRIMARY KEY,
  version  INTEGER NOT NULL,
  position INTEGER NOT NULL
)`;

/**
 * Feeds projections from the store: catch-up in batches, then live from a subscription. Every
 * projection is fed from one read of the store: each event of a batch, raised once to its current
 * schema version, is applied to every projection that reads its type and has not seen it; their
 * read-model writes and checkpoints commit in one SQLite transaction.
 * A projection that fails is left behind with its error; the others go on.
 */
export class ProjectionRunner implements Projections {
  private readonly running: Running[] = [];
  /** Every event type some projection reads: the others are skipped without being decoded. */
  private readonly handled = new Set<string>();
  private readonly waiters = new ProgressWaiters();
  private readonly batchSize: number;
  private readonly saveCheckpoint: Database.Statement<[string, number, number]>;
  private readonly loadCheckpoint: Database.Statement<[string], { version: number; position: number }>;
  private phase: 'stopped' | 'catching-up' | 'live' = 'stopped';
  private loop?: Promise<void>;
  private subscription?: Subscription;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    db.exec(CHECKPOINTS);
    this.saveCheckpoint = db.prepare(
      'INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position',
    );
    this.loadCheckpoint = db.prepare('SELECT version, position FROM projection_checkpoints WHERE name = ?');
    for (const projection of projections) {
      if (this.running.some((r) => r.projection.name === projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.running.push({ projection, handles: new Set(projection.canHandle), apply: () => undefined, position: 0n, failed: false });
      for (const type of projection.canHandle) this.handled.add(type);
    }
  }

  /** Starts feeding every projection in the background; one whose version changed is rebuilt first. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.prepareAll();
    this.loop = this.run().catch((error: unknown) => {
      // The store itself failed (not one projection): every projection is behind until a start.
      this.loop = undefined;
      this.subscription = undefined;
      for (const run of this.running) this.fail(run, error);
      this.options.onStoreFailure?.(error);
    });
  }

  /** Catches every projection up to the store's current head, then returns (for scripts and tests). */
  async catchUp(): Promise<void> {
    this.stopping = false;
    this.prepareAll();
    await this.catchUpAll();
    this.phase = 'stopped';
  }

  /** Drops a projection's tables and checkpoint and replays it from position 0. */
  async rebuild(name: string): Promise<void> {
    const run = this.running.find((r) => r.projection.name === name);
    if (!run) throw new Error(`no projection named ${name}`);
    const wasRunning = this.loop !== undefined;
    await this.stop();
    this.reset(run.projection);
    if (wasRunning) this.start();
    else await this.catchUp();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.loop;
    this.loop = undefined;
    this.subscription = undefined;
    this.phase = 'stopped';
    this.notify();
  }

  /**
   * Waits (bounded) until every projection has applied the event at `position`, so a caller
   * sees its own write. Answers false on timeout or when a projection has failed.
   */
  async waitForPosition(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.waiters.waitUntil(
      () => this.running.every((run) => run.position >= position),
      () => this.running.some((run) => run.failed),
      timeoutMs,
    );
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    return withLag(this.progress(), head);
  }

  progress(): ProjectionProgress[] {
    return this.running.map((run) => ({
      name: run.projection.name,
      version: run.projection.version,
      state: run.failed ? 'failed' : this.phase,
      position: run.position.toString(),
      ...(run.error ? { error: run.error } : {}),
    }));
  }

  /** Stops; the store and the database stay open (they belong to the caller). */
  async close(): Promise<void> {
    await this.stop();
  }

  private async run(): Promise<void> {
    await this.catchUpAll();
    if (this.stopping) return;
    this.phase = 'live';
    this.notify();
    this.subscription = this.store.subscribeToAll({ fromPosition: this.lowestPosition() });
    const events = this.subscription[Symbol.asyncIterator]();
    let next = events.next();
    for (;;) {
      const first = await next;
      if (first.done || this.stopping) return;
      // Whatever else is already at hand joins the batch, until the event loop's next turn.
      const turn = nextTurn();
      const batch = [first.value];
      next = events.next();
      while (batch.length < this.batchSize) {
        const more = await Promise.race([next, turn]);
        if (more === NOTHING_YET || more.done) break;
        batch.push(more.value);
        next = events.next();
      }
      this.applyBatch(batch);
      // The loop turns once per batch. Without it, a backlog read from the store without waiting
      // ran as one chain of microtasks: the worker's messages and timers waited for its end, and
      // every race's pending turn kept its batch's events alive until then (180 MB for 100,000).
      await turn;
    }
  }

  private async catchUpAll(): Promise<void> {
    this.phase = 'catching-up';
    let batch: RecordedEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: this.lowestPosition() })) {
      if (this.stopping) return;
      batch.push(event);
      if (batch.length === this.batchSize) {
        this.applyBatch(batch);
        batch = [];
        await nextTurn();
      }
    }
    if (batch.length) this.applyBatch(batch);
  }

  /** Where the projection furthest behind stands (failed ones wait for a restart). */
  private lowestPosition(): bigint {
    const live = this.running.filter((r) => !r.failed);
    return live.length ? live.reduce((low, r) => (r.position < low ? r.position : low), live[0].position) : 0n;
  }

  /** Opens each projection's tables, rebuilding first if its version changed, and loads its checkpoint. */
  private prepareAll(): void {
    for (const run of this.running) {
      const { projection } = run;
      const saved = this.loadCheckpoint.get(projection.name);
      if (saved && saved.version !== projection.version) this.reset(projection);
      run.apply = projection.open(this.db);
      run.position = BigInt(this.loadCheckpoint.get(projection.name)?.position ?? 0);
      run.failed = false;
      run.error = undefined;
    }
  }

  /** Drops and recreates the tables in one transaction: a reader on another connection never finds them missing. */
  private reset(projection: Projection): void {
    const run = this.running.find((r) => r.projection === projection);
    this.db.transaction(() => {
      for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      this.db.prepare('DELETE FROM projection_checkpoints WHERE name = ?').run(projection.name);
      if (run) run.apply = projection.open(this.db);
    })();
    if (run) run.position = 0n;
  }

  /** One transaction for every projection that has not seen the batch; a failing one is dropped and the rest retried. */
  private applyBatch(events: RecordedEvent[]): void {
    const last = events[events.length - 1].position;
    for (;;) {
      const targets = this.running.filter((run) => !run.failed && run.position < last);
      if (targets.length === 0) return;
      try {
        this.db.transaction(() => {
          for (const recorded of events) {
            if (!this.handled.has(recorded.type)) continue;
            let event: DomainEvent | undefined;
            for (const run of targets) {
              if (recorded.position <= run.position || !run.handles.has(recorded.type)) continue;
              try {
                // Raised once, by the first projection that reads it; an upcaster that throws fails that projection.
                event ??= domainEvent(recorded);
                run.apply(event, recorded);
              } catch (error) {
                throw new ProjectionFailure(run, error);
              }
            }
          }
          for (const run of targets) this.saveCheckpoint.run(run.projection.name, run.projection.version, Number(last));
        })();
      } catch (error) {
        if (!(error instanceof ProjectionFailure)) throw error;
        this.fail(error.run, error.cause);
        continue;
      }
      for (const run of targets) run.position = last;
      this.notify();
      return;
    }
  }

  private fail(run: Running, error: unknown): void {
    run.failed = true;
    run.error = typeof (error as Error)?.message === 'string' ? (error as Error).message : String(error);
    this.options.onError?.(run.projection.name, error);
    this.notify();
  }

  private notify(): void {
    this.waiters.notify();
    this.options.onProgress?.();
  }
}
