import type { Projection } from '../runner/projection';
import { accountsProjection } from './accounts/accounts.projection';
import { apiKeysProjection } from './api-keys/api-keys.projection';
import { CATALOG_PROJECTIONS } from './catalog';
import { CONTRACT_PROJECTIONS } from './contracts';
import { INVOICING_PROJECTIONS } from './invoicing';
import { LEDGER_PROJECTIONS } from './ledger';
import { REPORT_PROJECTIONS } from './reports';
import { webhooksProjection } from './webhooks/webhooks.projection';

export * from './accounts/accounts.query';
export * from './api-keys/api-keys.query';
export * from './catalog';
export * from './contracts';
export * from './invoicing';
export * from './ledger';
export * from './page';
export * from './reports';
export * from './webhooks/webhooks.query';

/** Every read model the service keeps. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  apiKeysProjection,
  accountsProjection,
  ...CATALOG_PROJECTIONS,
  ...CONTRACT_PROJECTIONS,
  ...LEDGER_PROJECTIONS,
  ...INVOICING_PROJECTIONS,
  ...REPORT_PROJECTIONS,
  webhooksProjection,
];
