import type { BillingItemData } from '@billing/domain';
import type { WorkItemFilter } from '@billing/projections';

/** `GET /api/approve-and-post`: every pending item with a preview of how it will rate (billing-rules §9). */
export class PreviewApproveAndPostQuery {
  constructor(
    readonly filter: Omit<WorkItemFilter, 'statuses' | 'sourceType'>,
    /** The posted date the preview assumes. */
    readonly today: string,
    readonly actor: string,
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
  /** How it would rate if posted now, with every pending item of its ledger, in posting order. */
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
}
