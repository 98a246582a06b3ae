import { mkdirSync } from 'node:fs';
import { Global, Inject, Injectable, Logger, Module, ServiceUnavailableException, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { ALL_PROJECTIONS, openReadModelDatabase, ProjectionRunner } from '@billing/projections';
import { APP_CONFIG, readModelFile, type AppConfig } from '../config/app-config';

export const READ_MODEL_DB = 'ReadModelDatabase';

/** Lets a query wait (bounded) until the read models show the caller's own write. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses with 503 rather than answer from read models that do not show the write yet. */
  async waitFor(position: bigint): Promise<void> {
    if (position <= 0n || (await this.runner.waitForPosition(position, this.config.readYourWritesTimeoutMs))) return;
    const failed = (await this.runner.status()).filter((p) => p.state === 'failed').map((p) => `${p.name} (${p.error})`);
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
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DB],
      useFactory: (store: EventStore, db: Database.Database) => {
        const logger = new Logger('Projections');
        return new ProjectionRunner(store, db, ALL_PROJECTIONS, {
          onError: (name, error) => logger.error(`projection ${name} stopped: ${error instanceof Error ? error.stack : String(error)}`),
        });
      },
    },
    ReadYourWrites,
  ],
  exports: [READ_MODEL_DB, ProjectionRunner, ReadYourWrites],
})
export class ReadModelsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.db.close();
  }
}
