import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { withLag, type ProjectionProgress, type ProjectionStatus } from '../projection-status';
import { ProgressWaiters } from '../progress-waiters';
import type { Projections } from '../projections';
import type { Command, FromWorker, ProjectionWorkerSetup, ToWorker } from './projection-worker.protocol';

export interface ProjectionWorkerOptions {
  setup: ProjectionWorkerSetup;
  /** The store's head as this thread sees it, for the lag. */
  headPosition: () => Promise<bigint>;
  /**
   * Registers a listener called after every append of this thread (the embedded store's
   * `onAppended`): the worker reads at once instead of at its next poll.
   */
  onAppended?: (listener: () => void) => () => void;
  onError?: (projection: string, error: string) => void;
}

/** Source files run through the SWC register hook (tests, benchmarks); the build runs the .js. */
const ENTRY = join(__dirname, `projection-worker${extname(__filename)}`);
const EXEC_ARGV = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];

/**
 * The projections in a worker thread of their own: applying events to the read models (the
 * service's heaviest steady work) runs on another core than the HTTP requests. The worker has
 * its own connections to the store and to the read-model database; this side keeps what the
 * worker last reported, so waiting for a position needs no round trip.
 */
export class ProjectionWorker implements Projections {
  private worker?: Worker;
  private opened?: Promise<void>;
  private progress: ProjectionProgress[] = [];
  private readonly waiters = new ProgressWaiters();
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /** Why the worker is gone, when it went without being closed. */
  private lost?: string;
  private unsubscribe?: () => void;
  /** Started and not stopped since: a worker that dies is started again. */
  private wanted = false;
  private restarts = 0;
  private restartTimer?: NodeJS.Timeout;
  /** The worker being closed on purpose: its exit is no failure, whichever comes first, its exit or its answer. */
  private closing?: Worker;

  constructor(private readonly options: ProjectionWorkerOptions) {}

  async start(): Promise<void> {
    this.wanted = true;
    await this.open();
    await this.send({ type: 'start' });
  }

  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.restartTimer);
    if (this.worker) await this.send({ type: 'stop' });
  }

  async rebuild(name: string): Promise<void> {
    await this.open();
    await this.send({ type: 'rebuild', name });
  }

  async close(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    this.unsubscribe?.();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.closing = worker;
    try {
      await this.send({ type: 'close' });
    } catch (error) {
      // Gone before it answered: closed all the same.
      if (this.lost === undefined) throw error;
    } finally {
      this.worker = undefined;
      this.opened = undefined;
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await worker.terminate();
    }
  }

  async waitForPosition(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.waiters.waitUntil(
      () => this.progress.length > 0 && this.progress.every((p) => BigInt(p.position) >= position),
      () => this.lost !== undefined || this.progress.some((p) => p.state === 'failed'),
      timeoutMs,
    );
  }

  async status(): Promise<ProjectionStatus[]> {
    const progress = this.lost ? this.progress.map((p) => ({ ...p, state: 'failed' as const, error: this.lost })) : this.progress;
    return withLag(progress, await this.options.headPosition());
  }

  private open(): Promise<void> {
    this.opened ??= new Promise<void>((resolve, reject) => {
      this.lost = undefined;
      const worker = new Worker(ENTRY, { workerData: this.options.setup, execArgv: EXEC_ARGV });
      this.worker = worker;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') this.options.onError?.(message.projection, message.error);
        else this.report(message.progress);
        if (message.type === 'opened') resolve();
        if (message.type === 'done') {
          const request = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) request?.reject(new Error(message.error));
          else request?.resolve();
        }
      });
      const gone = (reason: string) => {
        if (this.worker !== worker) return;
        this.lost = reason;
        this.worker = undefined;
        this.opened = undefined;
        this.unsubscribe?.();
        const error = new Error(`the projections' worker stopped: ${reason}`);
        reject(error);
        for (const request of this.pending.values()) request.reject(error);
        this.pending.clear();
        this.waiters.notify();
        if (this.wanted) this.restartLater(reason);
        else if (this.closing !== worker) this.options.onError?.('all', reason);
      };
      worker.on('error', (error) => gone(error.stack ?? error.message));
      worker.on('exit', (code) => gone(`exited with code ${code}`));
      this.unsubscribe = this.options.onAppended?.(() => this.worker?.postMessage({ type: 'appended' } satisfies ToWorker));
    });
    return this.opened;
  }

  /**
   * Starts a new worker after a pause that doubles with each death before the projections were
   * live again (1 s up to 30 s): it resumes from the checkpoints.
   */
  private restartLater(reason: string): void {
    const seconds = Math.min(30, 2 ** this.restarts++);
    this.lost = `${reason}; restarting in ${seconds} s`;
    this.options.onError?.('all', this.lost);
    this.restartTimer = setTimeout(() => {
      // A start that fails ends in `gone` again, which schedules the next try.
      if (this.wanted) this.start().catch(() => undefined);
    }, seconds * 1000);
    this.restartTimer.unref();
  }

  private send(command: Command): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error(`the projections' worker is not running${this.lost ? `: ${this.lost}` : ''}`));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'command', id, command } satisfies ToWorker);
    });
  }

  private report(progress: ProjectionProgress[]): void {
    this.progress = progress;
    if (progress.length > 0 && progress.every((p) => p.state === 'live')) this.restarts = 0;
    this.waiters.notify();
  }
}
