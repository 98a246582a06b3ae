export * from './ledger.events';
export * from './ledger.decider';
export * from './ledger.invoicing';
export * from './bill-to';
export * from './overage';
