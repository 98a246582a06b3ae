import type { BillingItemData } from '@billing/domain';
import type { PageBounds, WorkItemFilter } from '@billing/projections';

/** `GET /api/approve-and-post`: a page of the pending items, each with a preview of how it will rate (billing-rules §9). */
export class PreviewApproveAndPostQuery {
  constructor(
    readonly filter: Omit<WorkItemFilter, 'statuses' | 'sourceType'>,
    /** The posted date the preview assumes. */
    readonly today: string,
    readonly actor: string,
    readonly page: PageBounds,
    /** One time entry shown re-routed (billing-rules §4.4): rated on `contractId` (null: none), as Approve & Post would with that override. */
    readonly reroute: { itemId: string; contractId: string | null } | null = null,
  ) {}
}

export interface PreviewPart {
  type: string;
  part: string;
  quantity: string;
  rate: string;
  amount: string;
  tax: string;
  covered: boolean;
  noCharge: boolean;
  draws: BillingItemData['draws'];
}

export interface PendingItemPreview {
  sourceItemId: string;
  type: string;
  sourceType: string;
  status: string;
  accountId: string;
  billToAccountId: string | null;
  contractId: string | null;
  itemDate: string;
  description: string | null;
  /** The rating preview's headline, as http-api.md names it (null when the item cannot be rated). */
  hoursToBill: string | null;
  rate: string | null;
  amount: string | null;
  covered: boolean | null;
  overage: boolean | null;
  /** How it would rate if the page were posted now: with the page's other items of its ledger, in posting order. */
  preview: {
    hoursToBill: string | null;
    rate: string;
    amount: string;
    tax: string;
    covered: boolean;
    overage: boolean;
    parts: PreviewPart[];
  } | null;
  /** Why it cannot post as it is (it is still listed). */
  error: string | null;
  /** A re-routed entry (the preview's `rerouteItemId`, or an approval's): where routing had put it; `contractId` is where it is rated. */
  routingOverride: { routedContractId: string | null; routing: string[] } | null;
}
