import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { approvalSpent, ledgerDecider, ledgerStream, postedItemsOf, type LedgerCommand, type LedgerEvent, type LedgerState } from '@billing/domain';
import { billingItemView, type BillingItemView } from '@billing/projections';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ItemApprovals } from '../item-approvals';
import { ledgerChunks } from '../ledger-chunks';
import { PostingBatchBuilder, type PreparedItem } from '../posting-batch-builder';
import { PostItemsCommand, type PostItemsResult } from './post-items.command';

/** What a ledger says of an item: posted now, and how many billing items it ever had. */
interface LedgerFacts {
  postedNow: boolean;
  postingsEver: number;
}

/** What the dry run decided for a ledger, and on what. */
interface DryRun {
  folded: number;
  command: string;
  events: LedgerEvent[];
}

/** Approvals are on separate streams: many at once let the store commit them in groups. */
const APPROVALS_AT_ONCE = 256;
/** Items per chunk of whole ledgers (a ledger bigger than this is a chunk of its own). */
const ITEMS_PER_CHUNK = 500;

/**
 * Approve & Post (architecture.md), a process over several streams in a fixed order, each step a
 * single-stream decision that is idempotent: `ItemApproved` on each editable item's own stream
 * (locks it, records the approver's choices), then one append of `ItemPosted` events per bill-to
 * ledger (all or nothing per ledger). A retry posts nothing twice, and an item approved before a
 * crash is posted by the next request with the numbers its approval fixed; a request that names
 * other choices than an item was approved or posted with is refused by its ledger's dry run (409).
 */
@CommandHandler(PostItemsCommand)
export class PostItemsHandler implements ICommandHandler<PostItemsCommand, PostItemsResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly batches: PostingBatchBuilder,
    private readonly lookups: BillingLookups,
    private readonly readYourWrites: ReadYourWrites,
    private readonly approvals: ItemApprovals,
  ) {}

  async execute(input: PostItemsCommand): Promise<PostItemsResult> {
    const { metadata } = input;
    // Everything written before this request is in the read model that finds items by id.
    await this.readYourWrites.waitForHead();
    const refs = this.batches.resolve(input.itemIds);
    const settings = await this.lookups.settings();
    // The ledger holds what the request named against items already approved or posted (a retry with other choices is refused).
    const asked = { ...(input.postedDateGiven && { postedDate: input.postedDate }), overrides: input.overrides };
    const choices = { postedDate: input.postedDate, overrides: input.overrides, approvedBy: metadata.actor, asked };

    let items = await this.batches.prepareAll(refs, new Map(), input.overrides);
    let ledger = await this.ledgerFacts(items);
    // An unpost that stopped before releasing its item left a spent approval: finish the release.
    const spent = items.filter((item) => item.approval?.status === 'approved' && approvalSpent(item.approval.approval, ledger.get(item.pending.id)!));
    if (spent.length) {
      for (const item of spent) await this.approvals.release(item.ref, 'the posting this approval led to was unposted', [], metadata);
      items = await this.batches.prepareAll(refs, new Map(), input.overrides);
      ledger = await this.ledgerFacts(items);
    }

    // Check the whole request before writing anything: rules refused here leave no trace.
    const postingId = randomUUID();
    await this.batches.checkTimesheets(items, settings);
    const dryRuns = new Map<string, DryRun>();
    for (const command of await this.batches.commands(items, choices, postingId, settings)) {
      await this.streams.withStream(
        ledgerStream(command.billToAccountId),
        ledgerDecider,
        async ({ state }) =>
          dryRuns.set(command.billToAccountId, { folded: state.folded, command: JSON.stringify(command), events: ledgerDecider.decide(command, state) }),
        { cache: true },
      );
    }

    // A few ledgers at a time, each step for all of them at once (the store commits them together):
    // the read models take in one chunk's postings while the next chunk is approved.
    let position = 0n;
    const posted: BillingItemView[] = [];
    for (const chunk of ledgerChunks(items, ITEMS_PER_CHUNK)) {
      // Step 1: approve (locks each item; an item changed meanwhile is re-read once locked).
      const toApprove = chunk.filter((item) => item.approval?.status === 'pending');
      const approvedStates = new Map<string, unknown>();
      await inParallel(toApprove, APPROVALS_AT_ONCE, async (item) => {
        const approval = {
          itemId: item.pending.id,
          ledgerAccountId: item.billToAccountId,
          postedDate: input.postedDate,
          overrides: input.overrides[item.pending.id] ?? {},
          approvedBy: metadata.actor,
          postingsBefore: ledger.get(item.pending.id)!.postingsEver,
        };
        const decision = await this.approvals.approve(item.ref, approval, metadata, item.loaded);
        position = max(position, decision.position);
        approvedStates.set(item.pending.id, decision.state);
      });
      // Each item as its approval locked it (an edit may have landed between the first read and the lock).
      const locked = await this.batches.prepareAll(
        chunk.map((item) => item.ref),
        approvedStates,
        input.overrides,
      );

      // Step 2: post, one append per ledger, deciding again on the ledger's latest state after a conflict.
      const commands = await this.batches.commands(locked, choices, postingId, settings);
      const decisions = await Promise.all(
        commands.map((command) => {
          const dryRun = dryRuns.get(command.billToAccountId);
          // The dry run's decision stands if neither the ledger nor the items changed since.
          const decide = (c: LedgerCommand, state: LedgerState) =>
            dryRun && state.folded === dryRun.folded && JSON.stringify(c) === dryRun.command ? dryRun.events : ledgerDecider.decide(c, state);
          return this.streams.decide(ledgerStream(command.billToAccountId), { ...ledgerDecider, decide }, command, metadata, { cache: true });
        }),
      );
      commands.forEach((command, i) => {
        position = max(position, decisions[i].position);
        for (const { pending } of command.items) posted.push(...postedItemsOf(decisions[i].state, pending.id).map((data) => billingItemView(data)));
      });
    }
    return { posted, position };
  }

  private async ledgerFacts(items: PreparedItem[]): Promise<Map<string, LedgerFacts>> {
    const facts = new Map<string, LedgerFacts>();
    for (const billTo of new Set(items.map((i) => i.billToAccountId))) {
      await this.streams.withStream(
        ledgerStream(billTo),
        ledgerDecider,
        async ({ state }) => {
          for (const item of items.filter((i) => i.billToAccountId === billTo)) {
            facts.set(item.pending.id, { postedNow: state.postedBySource.has(item.pending.id), postingsEver: state.everBySource.get(item.pending.id) ?? 0 });
          }
        },
        { cache: true },
      );
    }
    return facts;
  }
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);

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
