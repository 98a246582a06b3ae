export * from './event-store.port';
export * from './errors/wrong-expected-version.error';
export * from './errors/event-store-unavailable.error';
export * from './sqlite/sqlite-event-store';
