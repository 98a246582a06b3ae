// Roles, work types, exclusion sets, tax regions, billing codes: events, deciders, rules.
export { canonicalDecimal, type DecimalBounds } from './catalog-decimal';
export * from './role.events';
export * from './role.decider';
export * from './work-type.events';
export * from './work-type.decider';
export * from './work-type.rules';
export * from './exclusion-set.events';
export * from './exclusion-set.decider';
export * from './tax-region.events';
export * from './tax-region.decider';
export * from './tax-region.rules';
export * from './billing-code.events';
export * from './billing-code.decider';
