import type { ItemOverrides } from '@billing/domain';
import type { BillingItemView } from '@billing/projections';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** Approve & Post: approve the items and post them to their bill-to ledgers. */
export class PostItemsCommand {
  constructor(
    readonly itemIds: string[],
    readonly postedDate: string,
    /** Whether the request named the posted date (else it is today's). */
    readonly postedDateGiven: boolean,
    /** By item id, decimals in canonical form. */
    readonly overrides: Readonly<Record<string, ItemOverrides>>,
    readonly metadata: CommandMetadata,
  ) {}
}

export interface PostItemsResult {
  /** The billing items posted, as the ledger has them (not the read models). */
  posted: BillingItemView[];
  position: bigint;
}
