export * from './item-approval';
export * from './work-item-context';
export * from './time-entry.decider';
export * from './charge.decider';
export * from './expense.decider';
export * from './ticket.decider';
export * from './timesheet.decider';
export * from './item-id-claim.decider';
