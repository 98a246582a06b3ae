import type { AsOf } from '../as-of/as-of';

/** `asOf` absent: as the store stands now. */
export class GetContractBalanceAsOfQuery {
  constructor(
    readonly contractId: string,
    readonly asOf: AsOf | undefined,
  ) {}
}
