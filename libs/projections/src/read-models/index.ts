import type { Projection } from '../runner/projection';
import { accountsProjection } from './accounts.read-model';
import { apiKeysProjection } from './api-keys.read-model';

export * from './domain-event';
export * from './accounts.read-model';
export * from './api-keys.read-model';

/** Every read model the service keeps. */
export const ALL_PROJECTIONS: readonly Projection[] = [apiKeysProjection, accountsProjection];
