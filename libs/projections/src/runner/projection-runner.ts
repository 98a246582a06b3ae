import type Database from 'better-sqlite3';
import type { EventStore, RecordedEvent, Subscription } from '@billing/event-store';
import type { ApplyEvent, Projection } from './projection';

export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'stopped' | 'failed';

export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  /** Global position of the last event applied (0 = none). */
  position: string;
  /** Events in the store not yet applied. */
  lag: string;
  error?: string;
}

export interface ProjectionRunnerOptions {
  /** Events applied per transaction while catching up. */
  batchSize?: number;
  /** Called when a projection fails; the others keep going. */
  onError?: (projection: string, error: unknown) => void;
}

interface Running {
  projection: Projection;
  apply: ApplyEvent;
  position: bigint;
  state: ProjectionState;
  error?: string;
  subscription?: Subscription;
  loop?: Promise<void>;
  stopping: boolean;
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
 * Feeds projections from the store: catch-up in batches, then live from a subscription. Each
 * batch's read-model writes and the checkpoint commit in one SQLite transaction.
 */
export class ProjectionRunner {
  private readonly running = new Map<string, Running>();
  private readonly waiters = new Set<() => void>();
  private readonly batchSize: number;
  private readonly saveCheckpoint: Database.Statement<[string, number, number]>;
  private readonly loadCheckpoint: Database.Statement<[string], { version: number; position: number }>;

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
      if (this.running.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.running.set(projection.name, { projection, apply: () => undefined, position: 0n, state: 'stopped', stopping: false });
    }
  }

  /** Starts every projection in the background; a projection whose version changed is rebuilt first. */
  start(): void {
    for (const run of this.running.values()) this.startOne(run);
  }

  /** Catches every projection up to the store's current head, then returns (for scripts and tests). */
  async catchUp(): Promise<void> {
    for (const run of this.running.values()) await this.catchUpOnce(run);
  }

  /** Drops a projection's tables and checkpoint and replays it from position 0. */
  async rebuild(name: string): Promise<void> {
    const run = this.running.get(name);
    if (!run) throw new Error(`no projection named ${name}`);
    const wasRunning = run.loop !== undefined;
    await this.stopOne(run);
    this.reset(run.projection);
    if (wasRunning) this.startOne(run);
    else await this.catchUpOnce(run);
  }

  private async catchUpOnce(run: Running): Promise<void> {
    run.stopping = false;
    this.prepare(run);
    await this.catchUpOne(run);
    run.state = 'stopped';
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running.values()].map((run) => this.stopOne(run)));
    this.notify();
  }

  /**
   * Waits (bounded) until every projection has applied the event at `position`, so a caller
   * sees its own write. Answers false on timeout or when a projection has failed.
   */
  async waitForPosition(position: bigint, timeoutMs = 5000): Promise<boolean> {
    const reached = () => [...this.running.values()].every((run) => run.position >= position);
    const failed = () => [...this.running.values()].some((run) => run.state === 'failed');
    if (reached()) return true;
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const check = () => {
        if (reached()) finish(true);
        else if (failed()) finish(false);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      timer.unref();
      this.waiters.add(check);
    });
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    return [...this.running.values()].map((run) => ({
      name: run.projection.name,
      version: run.projection.version,
      state: run.state,
      position: run.position.toString(),
      lag: (head > run.position ? head - run.position : 0n).toString(),
      ...(run.error ? { error: run.error } : {}),
    }));
  }

  private startOne(run: Running): void {
    run.stopping = false;
    run.error = undefined;
    run.state = 'starting';
    run.loop = this.runOne(run).catch((error: unknown) => {
      run.state = 'failed';
      run.error = typeof (error as Error)?.message === 'string' ? (error as Error).message : String(error);
      this.options.onError?.(run.projection.name, error);
      this.notify();
    });
  }

  private async runOne(run: Running): Promise<void> {
    this.prepare(run);
    await this.catchUpOne(run);
    if (run.stopping) return;
    run.state = 'live';
    run.subscription = this.store.subscribeToAll({ fromPosition: run.position });
    const events = run.subscription[Symbol.asyncIterator]();
    let next = events.next();
    for (;;) {
      const first = await next;
      if (first.done || run.stopping) return;
      // Whatever else is already at hand joins the batch; the first wait for more ends it.
      const batch = [first.value];
      next = events.next();
      while (batch.length < this.batchSize) {
        const more = await Promise.race([next, nextTurn()]);
        if (more === NOTHING_YET || more.done) break;
        batch.push(more.value);
        next = events.next();
      }
      this.applyBatch(run, batch);
    }
  }

  private async catchUpOne(run: Running): Promise<void> {
    run.state = 'catching-up';
    let batch: RecordedEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: run.position })) {
      if (run.stopping) return;
      batch.push(event);
      if (batch.length === this.batchSize) {
        this.applyBatch(run, batch);
        batch = [];
      }
    }
    if (batch.length) this.applyBatch(run, batch);
  }

  /** Opens the projection's tables, rebuilding first if its version changed, and loads its checkpoint. */
  private prepare(run: Running): void {
    const { projection } = run;
    const saved = this.loadCheckpoint.get(projection.name);
    if (saved && saved.version !== projection.version) this.reset(projection);
    run.apply = projection.open(this.db);
    run.position = BigInt(this.loadCheckpoint.get(projection.name)?.position ?? 0);
  }

  private reset(projection: Projection): void {
    this.db.transaction(() => {
      for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      this.db.prepare('DELETE FROM projection_checkpoints WHERE name = ?').run(projection.name);
    })();
  }

  private applyBatch(run: Running, events: RecordedEvent[]): void {
    const last = events[events.length - 1].position;
    this.db.transaction(() => {
      for (const event of events) run.apply(event);
      this.saveCheckpoint.run(run.projection.name, run.projection.version, Number(last));
    })();
    run.position = last;
    this.notify();
  }

  private async stopOne(run: Running): Promise<void> {
    run.stopping = true;
    await run.subscription?.close();
    await run.loop;
    run.subscription = undefined;
    run.loop = undefined;
    if (run.state !== 'failed') run.state = 'stopped';
  }

  private notify(): void {
    for (const check of [...this.waiters]) check();
  }
}
