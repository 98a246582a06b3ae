import type { BillingItemView } from '@billing/projections';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** Unpost a billing item (and the other parts of its posting). */
export class UnpostItemCommand {
  constructor(
    readonly billingItemId: string,
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {}
}

export interface UnpostItemResult {
  /** Every part of the posting, as the ledger now has them. */
  unposted: BillingItemView[];
  position: bigint;
}
