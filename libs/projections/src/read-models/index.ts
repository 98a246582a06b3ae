import type { Projection } from '../runner/projection';
import { accountsProjection } from './accounts.read-model';
import { apiKeysProjection } from './api-keys.read-model';
import { CATALOG_PROJECTIONS } from './catalog';
import { CONTRACT_PROJECTIONS } from './contracts';
import { LEDGER_PROJECTIONS } from './ledger';

export * from './domain-event';
export * from './accounts.read-model';
export * from './api-keys.read-model';
export * from './catalog';
export * from './contracts';
export * from './ledger';

/** Every read model the service keeps. */
export const ALL_PROJECTIONS: readonly Projection[] = [apiKeysProjection, accountsProjection, ...CATALOG_PROJECTIONS, ...CONTRACT_PROJECTIONS, ...LEDGER_PROJECTIONS];
