export * from './ledger.decider';
