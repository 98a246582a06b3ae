import type { PageBounds } from '@billing/projections';
import type { AsOf } from '../as-of/as-of';

/** `asOf` absent: as the store stands now. */
export class GetLedgerAsOfQuery {
  constructor(
    readonly accountId: string,
    readonly asOf: AsOf | undefined,
    readonly page: PageBounds,
  ) {}
}
