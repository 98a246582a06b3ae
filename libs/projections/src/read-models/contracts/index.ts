import type { Projection } from '../../runner/projection';

/** Read models of contracts (terms, purchases, services). */
export const CONTRACT_PROJECTIONS: readonly Projection[] = [];
