import type { Projection } from '../../runner/projection';
import { contractsProjection } from './contracts.read-model';

export * from './contracts.read-model';

/** Read models of contracts (terms, purchases, services). */
export const CONTRACT_PROJECTIONS: readonly Projection[] = [contractsProjection];
