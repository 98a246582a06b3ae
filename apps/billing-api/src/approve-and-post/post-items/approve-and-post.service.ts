import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  chargeDecider,
  chargeStream,
  expenseDecider,
  expenseStream,
  ledgerDecider,
  ledgerStream,
  postedItemsOf,
  timeEntryDecider,
  timeEntryStream,
  type ApproveItem,
  type ItemOverride,
  type SourceType,
} from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { billingItemView, EDITABLE_SOURCES, type BillingItemView, type WorkItemRef } from '@billing/projections';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { ReadYourWrites } from '../../infrastructure/read-models.module';
import { StreamDecisions, type CommandMetadata } from '../../infrastructure/stream-decisions';
import { PostingBatchBuilder, type PreparedItem } from '../posting-batch';

export interface PostItemsInput {
  itemIds: string[];
  postedDate: string;
  overrides: Record<string, ItemOverride>;
}

export interface PostItemsResult {
  posted: BillingItemView[];
  position: bigint;
}

/**
 * Approve & Post (architecture.md): `ItemApproved` on each editable item's own stream (locks it,
 * records the approver's choices), then one append of `ItemPosted` events per bill-to ledger
 * (all or nothing per ledger). Both steps are idempotent, so a retry posts nothing twice and an
 * item approved before a crash is posted by the next request with the numbers its approval fixed.
 */
@Injectable()
export class ApproveAndPost {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly batches: PostingBatchBuilder,
    private readonly lookups: BillingLookups,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async post(input: PostItemsInput, metadata: CommandMetadata): Promise<PostItemsResult> {
    // Everything written before this request is in the read model that finds items by id.
    await this.readYourWrites.waitFor(await this.store.headPosition());
    const refs = this.batches.resolve(input.itemIds);
    const settings = await this.lookups.settings();
    const choices = { postedDate: input.postedDate, overrides: input.overrides, approvedBy: metadata.actor };

    // Check the whole request before writing anything: rules refused here leave no trace.
    let items = await this.batches.prepareAll(refs);
    await this.batches.checkTimesheets(items, settings);
    for (const command of await this.batches.commands(items, choices, 'dry-run', settings)) {
      await this.streams.withStream(ledgerStream(command.billToAccountId), ledgerDecider, async ({ state }) => ledgerDecider.decide(command, state), { cache: true });
    }

    // Step 1: approve (locks each item; an item changed meanwhile is re-read once locked).
    let position = 0n;
    const toApprove = items.filter((item) => item.approval?.status === 'pending');
    for (const approved of await inParallel(toApprove, APPROVALS_AT_ONCE, (item) => this.approve(item, input, metadata))) position = max(position, approved);
    items = await this.batches.prepareAll(refs);

    // Step 2: post, one append per ledger, deciding again on the ledger's latest state after a conflict.
    const postingId = randomUUID();
    const posted: BillingItemView[] = [];
    for (const command of await this.batches.commands(items, choices, postingId, settings)) {
      const decision = await this.streams.decide(ledgerStream(command.billToAccountId), ledgerDecider, command, metadata, { cache: true });
      position = max(position, decision.position);
      for (const { pending } of command.items) posted.push(...postedItemsOf(decision.state, pending.id).map((data) => billingItemView(data)));
    }
    return { posted, position };
  }

  private async approve(item: PreparedItem, input: PostItemsInput, metadata: CommandMetadata): Promise<bigint> {
    const command: ApproveItem = {
      type: 'ApproveItem',
      approval: {
        itemId: item.pending.id,
        ledgerAccountId: item.billToAccountId,
        postedDate: input.postedDate,
        overrides: input.overrides[item.pending.id] ?? {},
        approvedBy: metadata.actor,
      },
    };
    const decide = async () => {
      switch (item.ref.sourceType as SourceType) {
        case 'TIME_ENTRY':
          return this.streams.decide(timeEntryStream(item.pending.id), timeEntryDecider, command, metadata);
        case 'CHARGE':
          return this.streams.decide(chargeStream(item.pending.id), chargeDecider, command, metadata);
        case 'EXPENSE':
          return this.streams.decide(expenseStream(item.pending.id), expenseDecider, command, metadata);
        default:
          throw new Error(`${item.ref.sourceType} items are not approved on their own stream`);
      }
    };
    return (await decide()).position;
  }

  /** The editable sources a ledger unpost must release (purchases and tickets have no approval of their own). */
  static releases(ref: Pick<WorkItemRef, 'sourceType'>): boolean {
    return EDITABLE_SOURCES.includes(ref.sourceType);
  }
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** Approvals are on separate streams: many at once let the store commit them in groups. */
const APPROVALS_AT_ONCE = 256;

async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
