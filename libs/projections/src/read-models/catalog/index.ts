import type { Projection } from '../../runner/projection';
import { billingCodesProjection } from './billing-codes.projection';
import { exclusionSetsProjection } from './exclusion-sets.projection';
import { rolesProjection } from './roles.projection';
import { taxRegionsProjection } from './tax-regions.projection';
import { workTypesProjection } from './work-types.projection';

export * from './roles.query';
export * from './work-types.query';
export * from './exclusion-sets.query';
export * from './tax-regions.query';
export * from './billing-codes.query';

/** Read models of the catalog (roles, work types, exclusion sets, tax regions, billing codes). */
export const CATALOG_PROJECTIONS: readonly Projection[] = [
  rolesProjection,
  workTypesProjection,
  exclusionSetsProjection,
  taxRegionsProjection,
  billingCodesProjection,
];
