import type { DashboardFilter } from '@billing/projections';

/** A page of the dashboard; the stuck threshold comes from the settings. */
export class GetUnbilledDashboardQuery {
  constructor(readonly filter: Omit<DashboardFilter, 'stuckAfterDays'>) {}
}

/** The page as JSON text that the read model wrote: `{ items, total, limit, offset, totals }`. */
export interface UnbilledDashboardJson {
  json: string;
}
