// Contracts of the six types, their terms, purchases and services: events, deciders, rules.
export * from './contract.events';
export * from './contract.decider';
export type { ContractReferences } from './contract.rules';
export * from './default-contract.events';
export * from './default-contract.decider';
export * from './routing-contract';
export * from './rating-snapshot';
export * from './purchase-posting';
