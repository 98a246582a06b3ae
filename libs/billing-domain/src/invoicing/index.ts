export * from './invoice-content';
export * from './invoice-grouping';
export * from './invoice-number.events';
export * from './invoice-number.decider';
export * from './invoice-run.events';
export * from './invoice-run.decider';
