import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { dec, ledgerDecider, ledgerStream, moneyString, sum, type BillingItemData, type LedgerState, type PostItems } from '@billing/domain';
import { listWorkItems, type WorkItemRow } from '@billing/projections';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { PostingBatchBuilder, type PreparedItem } from '../posting-batch-builder';
import { PreviewApproveAndPostQuery, type PendingItemPreview } from './preview-approve-and-post.query';

/** Rates every pending item as one posting of its ledger would now, without writing anything. */
@QueryHandler(PreviewApproveAndPostQuery)
export class PreviewApproveAndPostHandler implements IQueryHandler<PreviewApproveAndPostQuery, PendingItemPreview[]> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly batches: PostingBatchBuilder,
    private readonly lookups: BillingLookups,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ filter, today, actor }: PreviewApproveAndPostQuery): Promise<PendingItemPreview[]> {
    await this.readYourWrites.waitForHead();
    const rows = listWorkItems(this.db, { ...filter, statuses: ['PENDING', 'APPROVED'] });
    const settings = await this.lookups.settings();
    const errors = new Map<string, string>();
    let prepared: PreparedItem[];
    try {
      prepared = await this.batches.prepareAll(rows);
    } catch {
      // One item cannot be loaded: load them one by one, so the others still show.
      prepared = [];
      for (const row of rows) {
        try {
          prepared.push(...(await this.batches.prepareAll([row])));
        } catch (error) {
          errors.set(row.itemId, (error as Error).message);
        }
      }
    }
    const rated = new Map<string, BillingItemData[]>();
    const billTo = new Map(prepared.map((p) => [p.pending.id, p.billToAccountId]));
    const descriptions = new Map(prepared.map((p) => [p.pending.id, p.source.description]));
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
    return rows.map((row) =>
      this.toPreview(row, rated.get(row.itemId) ?? [], billTo.get(row.itemId) ?? null, descriptions.get(row.itemId) ?? null, errors.get(row.itemId) ?? null),
    );
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
    };
  }
}
