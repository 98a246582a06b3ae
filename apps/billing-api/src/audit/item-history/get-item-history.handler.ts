import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  contractStream,
  evolveContract,
  evolveRole,
  evolveWorkType,
  initialContractState,
  initialRoleState,
  initialWorkTypeState,
  itemIdClaimStream,
  ledgerStream,
  NotFound,
  roleStream,
  workTypeStream,
  type BillingItemData,
  type ContractEvent,
  type ContractState,
  type ItemIdClaimedData,
  type RoleEvent,
  type RoleState,
  type WorkTypeEvent,
  type WorkTypeState,
} from '@billing/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@billing/event-store';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { replayStreamAsOf } from '../as-of/stream-replay';
import { GetItemHistoryQuery } from './get-item-history.query';
import { itemHistorySteps, type CatalogAtPosting, type HistoryStep } from './item-history';

export interface ItemHistory {
  /** The source item's id. */
  itemId: string;
  /** The id asked for: the source item's, or one of its billing items' (`bi-…`). */
  requestedId: string;
  /** Every billing item it has been posted as, in posting order. */
  billingItemIds: string[];
  /** The streams the steps come from: the item's own, then the ledgers that name it. */
  streams: string[];
  steps: HistoryStep[];
}

/** Longer than any id the API takes (ids of 100, a billing item's with its ledger): such a path names nothing. */
const LONGEST_ID = 300;

/** The ids on an event that say it is about an item (its own stream's events, a contract's purchases, accruals and milestones). */
const ITEM_ID_FIELDS = ['timeEntryId', 'chargeId', 'expenseId', 'itemId', 'purchaseId', 'milestoneId', 'sourceItemId'] as const;
const mentions = (event: RecordedEvent, itemId: string) => {
  const data = event.data as Record<string, unknown>;
  return ITEM_ID_FIELDS.some((field) => data[field] === itemId);
};

/**
 * Every event about one billable item, in global order. The item's own stream is found by its id
 * claim (time entries, charges, expenses) or the work items read model (purchases, accruals,
 * tickets, milestones); the ledgers that name it by the billing items read model and its
 * approvals. The read models only say where to look: the steps are the events themselves.
 */
@QueryHandler(GetItemHistoryQuery)
export class GetItemHistoryHandler implements IQueryHandler<GetItemHistoryQuery, ItemHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ itemId: requestedId }: GetItemHistoryQuery): Promise<ItemHistory> {
    if (requestedId.length > LONGEST_ID) throw new NotFound('item', requestedId.slice(0, 40) + '…');
    let itemId = requestedId;
    let found = await this.eventsAbout(itemId);
    if (found.events.length === 0) {
      const source = this.rows<{ source_item_id: string }>('SELECT source_item_id FROM billing_items WHERE id = ?', requestedId)[0];
      if (source) {
        itemId = source.source_item_id;
        found = await this.eventsAbout(itemId);
      }
    }
    if (found.events.length === 0) throw new NotFound('item', requestedId);
    const posted = found.events.filter((e) => e.type === 'ItemPosted');
    const catalog = new Map<string, CatalogAtPosting>();
    for (const event of posted) {
      const item = event.data as BillingItemData;
      if (item.labour) catalog.set(item.billingItemId, await this.catalogAt(item, event.position));
    }
    return {
      itemId,
      requestedId,
      billingItemIds: posted.map((e) => (e.data as BillingItemData).billingItemId),
      streams: found.streams,
      steps: itemHistorySteps(itemId, found.events, catalog),
    };
  }

  private async eventsAbout(itemId: string): Promise<{ events: RecordedEvent[]; streams: string[] }> {
    const sources = new Set<string>();
    for await (const claim of this.store.readStream(itemIdClaimStream(itemId), { maxCount: 1 })) sources.add((claim.data as ItemIdClaimedData).streamId);
    for (const row of this.rows<{ stream_id: string }>('SELECT DISTINCT stream_id FROM work_items WHERE item_id = ?', itemId)) sources.add(row.stream_id);
    const ledgers = new Set(
      this.rows<{ account: string }>('SELECT DISTINCT bill_to_account_id AS account FROM billing_items WHERE source_item_id = ?', itemId).map((r) => r.account),
    );
    const events: RecordedEvent[] = [];
    const streams: string[] = [];
    for (const streamId of sources) {
      const before = events.length;
      for await (const event of this.store.readStream(streamId)) {
        if (!mentions(event, itemId)) continue;
        events.push(event);
        // Approved, it waits to post on this ledger (an approval the read models may not show yet).
        if (event.type === 'ItemApproved') ledgers.add((event.data as { ledgerAccountId: string }).ledgerAccountId);
      }
      if (events.length > before) streams.push(streamId);
    }
    for (const account of ledgers) {
      const before = events.length;
      await this.ledgerEventsAbout(account, itemId, events);
      if (events.length > before) streams.push(ledgerStream(account));
    }
    return { events, streams };
  }

  /** The ledger's events that name the item: its postings and unpostings, and the invoices that claimed it, from generated to void. */
  private async ledgerEventsAbout(accountId: string, itemId: string, into: RecordedEvent[]): Promise<void> {
    const invoices = new Set<string>();
    for await (const event of this.store.readStream(ledgerStream(accountId))) {
      const data = event.data as { sourceItemId?: string; invoiceId?: string; items?: { sourceItemId: string }[] };
      switch (event.type) {
        case 'ItemPosted':
        case 'ItemUnposted':
          if (data.sourceItemId === itemId) into.push(event);
          break;
        case 'InvoiceGenerated':
          if (data.items?.some((item) => item.sourceItemId === itemId)) {
            invoices.add(data.invoiceId!);
            into.push(event);
          }
          break;
        case 'InvoiceIssued':
        case 'InvoiceVoided':
          if (invoices.has(data.invoiceId!)) into.push(event);
          break;
      }
    }
  }

  /** The rates a posted labour item was rated from: its role, contract and work type as their streams stood when it posted. */
  private async catalogAt(item: BillingItemData, position: bigint): Promise<CatalogAtPosting> {
    const within = (event: RecordedEvent) => event.position <= position;
    const { roleId, workTypeId } = item.labour!;
    const role = (await replayStreamAsOf<RoleEvent, RoleState>(this.store, roleStream(roleId), { evolve: evolveRole, initialState: initialRoleState }, within))
      .state;
    const workType = (
      await replayStreamAsOf<WorkTypeEvent, WorkTypeState>(
        this.store,
        workTypeStream(workTypeId),
        { evolve: evolveWorkType, initialState: initialWorkTypeState },
        within,
      )
    ).state;
    const contract = item.contractId
      ? (
          await replayStreamAsOf<ContractEvent, ContractState>(
            this.store,
            contractStream(item.contractId),
            { evolve: evolveContract, initialState: initialContractState },
            within,
          )
        ).state
      : undefined;
    const terms = contract?.status === 'exists' ? contract.terms : undefined;
    return {
      roleHourlyRate: role.status === 'active' ? role.terms.hourlyRate : null,
      contractRoleRate: terms?.roleRates.find((r) => r.roleId === roleId)?.hourlyRate ?? null,
      contractOverageRate: terms?.overageRate ?? null,
      workTypeModifier: workType.status === 'active' ? workType.terms.modifier : null,
    };
  }

  /** Rows of a read model used as an index; none while the read models have not made its table yet. */
  private rows<Row>(sql: string, ...params: string[]): Row[] {
    try {
      return this.db.prepare<string[], Row>(sql).all(...params);
    } catch (error) {
      if (error instanceof Error && /no such table/.test(error.message)) return [];
      throw error;
    }
  }
}
