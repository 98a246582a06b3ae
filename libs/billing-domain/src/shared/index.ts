export * from './decider';
export * from './domain-errors';
export * from './decimal';
