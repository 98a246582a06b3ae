// What technicians log (time entries, charges, expenses, tickets, timesheets) and the item id claims.
export * from './item-approval';
export * from './approver-choices';
export * from './routing-override';
export * from './named-contract';
export * from './time-entry.events';
export * from './time-entry.decider';
export * from './charge.events';
export * from './charge.decider';
export * from './expense.events';
export * from './expense.decider';
export * from './ticket.events';
export * from './ticket.decider';
export * from './timesheet.events';
export * from './timesheet.decider';
export * from './item-id-claim.events';
export * from './item-id-claim.decider';
export * from './editable-sources';
