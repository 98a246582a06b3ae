// Contracts of the six types, their terms, purchases and services: deciders and events.
export * from './contract.decider';
export { CONTRACT_MAX_YEARS, PURCHASE_CONTRACT_TYPE, TYPE_SPECIFIC_FIELDS } from './contract-rules';
export * from './default-contract.decider';
export * from './routing-contract';
