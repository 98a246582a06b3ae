// Contracts of the six types, their terms, purchases and services, accruals and unit changes: events, deciders, rules.
export * from './contract.events';
export * from './contract.decider';
export type { ContractReferences } from './contract.rules';
export * from './default-contract.events';
export * from './default-contract.decider';
export * from './routing-contract';
export * from './rating-snapshot';
export * from './purchase-posting';
export * from './recurring.events';
export * from './recurring.decider';
export {
  beyondTolerance,
  currentUnits,
  DEFAULT_LICENCE_TOLERANCE_PERCENT,
  licenceExceptionId,
  proratedAmount,
  serviceAdjustmentItemId,
  servicePeriodItemId,
  setupFeeItemId,
  UNIT_CHANGE_ALWAYS_APPLIED,
} from './recurring.rules';
export * from './service-periods';
export * from './recurring-posting';
export * from './milestone.events';
export * from './milestone.decider';
export * from './milestone-posting';
export * from './contract-renewal';
