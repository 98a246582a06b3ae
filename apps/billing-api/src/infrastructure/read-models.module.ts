import { mkdirSync } from 'node:fs';
import { Inject, Logger, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@billing/event-store';
import { ALL_PROJECTIONS, openReadModelDatabase, ProjectionRunner, Projections, ProjectionWorker } from '@billing/projections';
import { eventStoreFile, readModelFile, type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { EventStoreModule } from './event-store.module';
import { READ_MODEL_DB } from './read-model-db.token';
import { ReadModelReaders } from './read-model-readers';
import { ReadYourWrites } from './read-your-writes';

/** The read models: their database, the projections that keep them, and read-your-writes over them. */
@Module({
  imports: [EventStoreModule],
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
            store: config.eventStoreConnectionString
              ? { kind: 'esdb', connectionString: config.eventStoreConnectionString }
              : { kind: 'sqlite', filename: eventStoreFile(config) },
            readModelFile: readModelFile(config),
          },
          headPosition: () => store.headPosition(),
          onAppended: store instanceof SqliteEventStore ? (listener) => store.onAppended(listener) : undefined,
          onError,
        });
      },
    },
    ReadYourWrites,
    ReadModelReaders,
  ],
  exports: [READ_MODEL_DB, Projections, ReadYourWrites, ReadModelReaders],
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
