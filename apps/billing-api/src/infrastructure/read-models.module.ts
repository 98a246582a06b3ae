import { mkdirSync } from 'node:fs';
import { Global, Inject, Injectable, Logger, Module, ServiceUnavailableException, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@billing/event-store';
import { ALL_PROJECTIONS, openReadModelDatabase, ProjectionRunner, Projections, ProjectionWorker } from '@billing/projections';
import { APP_CONFIG, eventStoreFile, readModelFile, type AppConfig } from '../config/app-config';

export const READ_MODEL_DB = 'ReadModelDatabase';

/** Lets a query wait (bounded) until the read models show the caller's own write. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly projections: Projections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private readonly lastWrites = new Map<string, bigint>();

  /**
   * For commands that answer without the read models (Approve & Post answers from the ledger):
   * the caller's next request waits for this position instead of the command's answer.
   */
  remember(caller: string, position: bigint): void {
    if (position > (this.lastWrites.get(caller) ?? 0n)) this.lastWrites.set(caller, position);
  }

  /** Waits for the last write `remember`ed for this caller, once. */
  async waitForCaller(caller: string): Promise<void> {
    const position = this.lastWrites.get(caller);
    if (position === undefined) return;
    await this.waitFor(position);
    if (this.lastWrites.get(caller) === position) this.lastWrites.delete(caller);
  }

  /** Waits for everything stored so far: for commands that decide on what read models find. */
  async waitForHead(): Promise<void> {
    await this.waitFor(await this.store.headPosition());
  }

  /** Refuses with 503 rather than answer from read models that do not show the write yet. */
  async waitFor(position: bigint): Promise<void> {
    if (position <= 0n || (await this.projections.waitForPosition(position, this.config.readYourWritesTimeoutMs))) return;
    const failed = (await this.projections.status()).filter((p) => p.state === 'failed').map((p) => `${p.name} (${p.error})`);
    throw new ServiceUnavailableException(
      failed.length
        ? `the write is stored, but these read models have stopped: ${failed.join(', ')}; see /health`
        : `the write is stored, but the read models are still catching up with it; try the read again shortly`,
    );
  }
}

@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (config.dataDir === ':memory:') return openReadModelDatabase(':memory:');
        mkdirSync(config.dataDir, { recursive: true });
        return openReadModelDatabase(readModelFile(config));
      },
    },
    {
      provide: Projections,
      inject: [EVENT_STORE, READ_MODEL_DB, APP_CONFIG],
      useFactory: (store: EventStore, db: Database.Database, config: AppConfig): Projections => {
        const logger = new Logger('Projections');
        const onError = (name: string, error: unknown) => logger.error(`projection ${name} stopped: ${error instanceof Error ? error.stack : String(error)}`);
        // In-memory databases cannot be shared with another thread.
        if (config.dataDir === ':memory:') return new ProjectionRunner(store, db, ALL_PROJECTIONS, { onError });
        return new ProjectionWorker({
          setup: {
            store: config.eventStoreConnectionString ? { kind: 'esdb', connectionString: config.eventStoreConnectionString } : { kind: 'sqlite', filename: eventStoreFile(config) },
            readModelFile: readModelFile(config),
          },
          headPosition: () => store.headPosition(),
          onAppended: store instanceof SqliteEventStore ? (listener) => store.onAppended(listener) : undefined,
          onError,
        });
      },
    },
    ReadYourWrites,
  ],
  exports: [READ_MODEL_DB, Projections, ReadYourWrites],
})
export class ReadModelsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly projections: Projections,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projections.close();
    this.db.close();
  }
}
