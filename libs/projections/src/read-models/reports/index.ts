import type { Projection } from '../../runner/projection';
import { profitabilityProjection } from './profitability.projection';

export { PROFITABILITY_DIMENSIONS, type ProfitabilityDimension } from './profitability.projection';
export * from './profitability.query';

/** Read models of reports. */
export const REPORT_PROJECTIONS: readonly Projection[] = [profitabilityProjection];
