export * from './actor-role';
export * from './decider';
export * from './decimal';
export * from './domain-errors';
export * from './money-bounds';
export * from './event-schema';
export * from './event-schema-changes';
export * from './published-event-schemas';
