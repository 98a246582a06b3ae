import type { Projection } from '../../runner/projection';
import { contractsProjection } from './contracts.projection';
import { licenceExceptionsProjection } from './licence-exceptions.projection';

export * from './contracts.query';
export * from './licence-exceptions.query';

/** Read models of contracts (terms, purchases, services) and their held licence counts. */
export const CONTRACT_PROJECTIONS: readonly Projection[] = [contractsProjection, licenceExceptionsProjection];
