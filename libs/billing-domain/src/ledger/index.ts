export * from './ledger.events';
export * from './ledger.decider';
export * from './bill-to';
