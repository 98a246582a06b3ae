import type { SourceType } from '@billing/domain';

/** The type a pending item shows under (billing item vocabulary: a time entry is LABOR). */
export const ITEM_TYPE_OF_SOURCE: Readonly<Record<SourceType, string>> = {
  TIME_ENTRY: 'LABOR',
  CHARGE: 'CHARGE',
  EXPENSE: 'EXPENSE',
  BLOCK_PURCHASE: 'BLOCK_PURCHASE',
  RETAINER_PURCHASE: 'RETAINER_PURCHASE',
  TICKET_PURCHASE: 'TICKET_PURCHASE',
  TICKET: 'TICKET',
  SERVICE_PERIOD: 'SERVICE_PERIOD',
  SERVICE_ADJUSTMENT: 'SERVICE_ADJUSTMENT',
  SETUP_FEE: 'SETUP_FEE',
  MILESTONE: 'MILESTONE',
};
