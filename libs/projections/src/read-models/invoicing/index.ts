import type { Projection } from '../../runner/projection';
import { invoicesProjection } from './invoices.projection';

export * from './invoice-export.query';
export * from './invoices.query';

/** Read models of invoices. */
export const INVOICING_PROJECTIONS: readonly Projection[] = [invoicesProjection];
