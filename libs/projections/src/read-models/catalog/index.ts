import type { Projection } from '../../runner/projection';

/** Read models of the catalog (roles, work types, exclusion sets, tax regions, billing codes). */
export const CATALOG_PROJECTIONS: readonly Projection[] = [];
