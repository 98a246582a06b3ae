import type { Projection } from '../../runner/projection';
import { billingCodesProjection } from './billing-codes.read-model';
import { exclusionSetsProjection } from './exclusion-sets.read-model';
import { rolesProjection } from './roles.read-model';
import { taxRegionsProjection } from './tax-regions.read-model';
import { workTypesProjection } from './work-types.read-model';

export * from './roles.read-model';
export * from './work-types.read-model';
export * from './exclusion-sets.read-model';
export * from './tax-regions.read-model';
export * from './billing-codes.read-model';

/** Read models of the catalog (roles, work types, exclusion sets, tax regions, billing codes). */
export const CATALOG_PROJECTIONS: readonly Projection[] = [
  rolesProjection,
  workTypesProjection,
  exclusionSetsProjection,
  taxRegionsProjection,
  billingCodesProjection,
];
