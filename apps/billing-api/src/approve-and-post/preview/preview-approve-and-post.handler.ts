import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  dec,
  ledgerDecider,
  ledgerStream,
  moneyString,
  refuseRoutingOverride,
  sum,
  type BillingItemData,
  type ItemOverrides,
  type LedgerState,
  type PostItems,
  type RoutingOverride,
} from '@billing/domain';
import { pageWorkItems, type WorkItemRow } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../http/paging';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { PostingBatchBuilder, type PreparedItem } from '../posting-batch-builder';
import { PreviewApproveAndPostQuery, type PendingItemPreview } from './preview-approve-and-post.query';

/**
 * Rates a page of the pending items as posting everything pending up to the page's end would now,
 * without writing anything: an item draws on a block after every item before it, on earlier pages
 * too, so a page shows what posting the list in order will charge. The items before the page are
 * rated but not answered; the total counts every pending item.
 */
@QueryHandler(PreviewApproveAndPostQuery)
export class PreviewApproveAndPostHandler implements IQueryHandler<PreviewApproveAndPostQuery, PageAnswer<PendingItemPreview>> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly batches: PostingBatchBuilder,
    private readonly lookups: BillingLookups,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ filter, today, actor, page, reroute }: PreviewApproveAndPostQuery): Promise<PageAnswer<PendingItemPreview>> {
    await this.readYourWrites.waitForHead();
    const requested = reroute ? this.rerouting(reroute) : {};
    // Pages follow posting order (date, then id), so the prefix is what posting draws on first.
    // A milestone shows once it is due (billing-rules §7), as in Autotask's Approve & Post.
    const { rows, total } = pageWorkItems(
      this.db,
      { ...filter, statuses: ['PENDING', 'APPROVED'], dueBy: today },
      { limit: page.offset + page.limit, offset: 0 },
    );
    const settings = await this.lookups.settings();
    const errors = new Map<string, string>();
    let prepared: PreparedItem[];
    try {
      prepared = await this.batches.prepareAll(rows, new Map(), requested);
    } catch {
      // One item cannot be loaded: load them one by one, so the others still show.
      prepared = [];
      for (const row of rows) {
        try {
          prepared.push(...(await this.batches.prepareAll([row], new Map(), requested)));
        } catch (error) {
          errors.set(row.itemId, (error as Error).message);
        }
      }
    }
    const rated = new Map<string, BillingItemData[]>();
    const billTo = new Map(prepared.map((p) => [p.pending.id, p.billToAccountId]));
    const descriptions = new Map(prepared.map((p) => [p.pending.id, p.source.description]));
    const routings = new Map(prepared.map((p) => [p.pending.id, p.source.routingOverride ?? null]));
    for (const command of await this.batches.commands(prepared, { postedDate: today, overrides: {}, approvedBy: actor }, 'preview', settings)) {
      await this.streams.withStream(
        ledgerStream(command.billToAccountId),
        ledgerDecider,
        async ({ state }) => {
          for (const data of this.rateAll(command, state, errors)) rated.set(data.sourceItemId, [...(rated.get(data.sourceItemId) ?? []), data]);
        },
        { cache: true },
      );
    }
    const items = rows
      .slice(page.offset)
      .map((row) =>
        withRouting(
          this.toPreview(
            row,
            rated.get(row.itemId) ?? [],
            billTo.get(row.itemId) ?? null,
            descriptions.get(row.itemId) ?? null,
            errors.get(row.itemId) ?? null,
          ),
          routings.get(row.itemId) ?? null,
        ),
      );
    return pageAnswer(items, total, page);
  }

  /** The request's re-routing as Approve & Post's overrides: only a time entry is routed (an unknown id is 404). */
  private rerouting({ itemId, contractId }: { itemId: string; contractId: string | null }): Record<string, ItemOverrides> {
    const [ref] = this.batches.resolve([itemId]);
    if (ref.sourceType !== 'TIME_ENTRY') refuseRoutingOverride(ref.sourceType.toLowerCase().replace('_', ' '), itemId, { contractId });
    return { [itemId]: { contractId } };
  }

  /** Rates the ledger's batch as one posting would; if the batch is refused, each item alone, so one bad item does not hide the rest. */
  private rateAll(command: PostItems, state: LedgerState, errors: Map<string, string>): BillingItemData[] {
    const decide = (c: PostItems) => ledgerDecider.decide(c, state).flatMap((e) => (e.type === 'ItemPosted' ? [e.data] : []));
    try {
      return decide(command);
    } catch {
      return command.items.flatMap((item) => {
        try {
          return decide({ ...command, items: [item] });
        } catch (error) {
          errors.set(item.pending.id, (error as Error).message);
          return [];
        }
      });
    }
  }

  private toPreview(
    row: WorkItemRow,
    parts: BillingItemData[],
    billToAccountId: string | null,
    description: string | null,
    error: string | null,
  ): PendingItemPreview {
    const charged = parts.find((p) => !p.covered) ?? parts[0];
    const preview = parts.length
      ? {
          hoursToBill: parts[0].labour?.hoursToBill ?? null,
          rate: charged.rate,
          amount: moneyString(sum(parts.map((p) => dec(p.amount)))),
          tax: moneyString(sum(parts.map((p) => dec(p.tax)))),
          covered: parts.every((p) => p.covered),
          overage: parts.some((p) => p.part === 'OVERAGE' || p.type === 'LABOR_OVERAGE'),
          parts: parts.map((p) => ({
            type: p.type,
            part: p.part,
            quantity: p.quantity,
            rate: p.rate,
            amount: p.amount,
            tax: p.tax,
            covered: p.covered,
            noCharge: p.noCharge,
            draws: p.draws,
          })),
        }
      : null;
    return {
      sourceItemId: row.itemId,
      type: row.itemType,
      sourceType: row.sourceType,
      status: row.status,
      accountId: row.accountId,
      billToAccountId,
      contractId: row.contractId,
      itemDate: row.itemDate,
      description,
      hoursToBill: preview?.hoursToBill ?? null,
      rate: preview?.rate ?? null,
      amount: preview?.amount ?? null,
      covered: preview?.covered ?? null,
      overage: preview?.overage ?? null,
      preview,
      error,
      routingOverride: null,
    };
  }
}

/** A re-routed entry shows the contract it is rated on, and where routing had put it. */
function withRouting(preview: PendingItemPreview, routingOverride: RoutingOverride | null): PendingItemPreview {
  if (!routingOverride) return preview;
  const { routedContractId, routing, contractId } = routingOverride;
  return { ...preview, contractId, routingOverride: { routedContractId, routing } };
}
