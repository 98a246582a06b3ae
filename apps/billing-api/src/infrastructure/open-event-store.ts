import { mkdirSync } from 'node:fs';
import { connectEventStoreDb, SqliteEventStore, type EventStore } from '@billing/event-store';
import { eventStoreFile, type AppConfig } from '../config/app-config';

/** The embedded SQLite store by default; EventStoreDB when a connection string is set. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStoreConnectionString) return connectEventStoreDb(config.eventStoreConnectionString);
  if (config.dataDir !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({ filename: config.dataDir === ':memory:' ? ':memory:' : eventStoreFile(config) });
}
