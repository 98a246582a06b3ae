// Roles, work types, exclusion sets, tax regions, billing codes: deciders and events.
export { canonicalDecimal, type DecimalBounds } from './catalog-decimal';
export * from './role.decider';
export * from './work-type.decider';
export * from './exclusion-set.decider';
export * from './tax-region.decider';
export * from './billing-code.decider';
