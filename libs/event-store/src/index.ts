import type { EventStore } from './event-store.port';
export * from './event-store.port';
export * from './event-store.token';
export * from './errors/wrong-expected-version.error';
export * from './errors/event-store-unavailable.error';
export * from './sqlite/sqlite-event-store';
export * from './hash-chain';

/**
 * Connects to EventStoreDB, loading its client only now: it is heavy and the embedded store needs
 * none of it. The import is relative on purpose: the build rewrites the `@billing/*` aliases of
 * static imports only, so an aliased dynamic import would not resolve in `dist`.
 */
export async function connectEventStoreDb(connectionString: string): Promise<EventStore> {
  const { connectEsdb } = await import('./esdb/esdb-event-store');
  return connectEsdb(connectionString);
}
