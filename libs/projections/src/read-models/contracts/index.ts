import type { Projection } from '../../runner/projection';
import { contractsProjection } from './contracts.projection';

export * from './contracts.query';

/** Read models of contracts (terms, purchases, services). */
export const CONTRACT_PROJECTIONS: readonly Projection[] = [contractsProjection];
