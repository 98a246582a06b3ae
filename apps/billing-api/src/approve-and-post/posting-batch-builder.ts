import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import {
  billToOf,
  checkRoutingOverride,
  Conflict,
  editableSource,
  isEditableSource,
  milestoneToPost,
  namedContractOf,
  NotFound,
  purchaseToPost,
  ratingSnapshotOf,
  recurringItemToPost,
  routingOverrideOf,
  RuleViolation,
  ticketDecider,
  ticketStream,
  timeEntryDecider,
  timeEntryStream,
  timesheetDecider,
  timesheetStream,
  weekStartOf,
  type AccountState,
  type Approval,
  type BillingCodeTerms,
  type BillingSettings,
  type BillTo,
  type ContractState,
  type TimesheetState,
  type PendingBlockPurchase,
  type PendingRetainerPurchase,
  type PendingTicketPurchase,
  type PendingRecurringItem,
  type PendingMilestone,
  type EditableSourceType,
  type ItemOverrides,
  type PendingItem,
  type PostableSource,
  type PostingSource,
  type PostItems,
  type RoutingOverride,
  type SourceType,
  type TicketLabourEntry,
} from '@billing/domain';
import { findWorkItems, listWorkItems, type WorkItemRef } from '@billing/projections';
import { BillingLookups } from '../infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../infrastructure/read-model-db.token';
import { StreamDecisions, type LoadedStream } from '../infrastructure/stream-decisions';
import { byLedger } from './ledger-chunks';

/** One source item, loaded from its own stream, ready to rate. */
export interface PreparedItem {
  ref: WorkItemRef;
  pending: PendingItem;
  source: Omit<PostingSource, 'approvedBy' | 'postedDate'>;
  billToAccountId: string;
  /** Editable sources only: where the item's approval stands. */
  approval: Approval | null;
  /** Editable sources only: the item's stream as it was read here, so approving need not read it again. */
  loaded?: LoadedStream<unknown>;
  roleIds: string[];
  workTypeIds: string[];
  resourceId: string | null;
}

/** The streams every item of one request shares, each read once. */
interface SharedLookups {
  contract(id: string): Promise<ContractState>;
  account(id: string): Promise<AccountState>;
  billingCode(id: string): Promise<BillingCodeTerms | undefined>;
}

/** The request's own choices, used for items not approved yet. */
interface ApproverChoices {
  postedDate: string;
  overrides: Readonly<Record<string, ItemOverrides>>;
  approvedBy: string;
  /** What the request named itself, for the ledger to hold against items already approved or posted. */
  asked?: NonNullable<PostItems['asked']>;
}

type Prepare = (ref: WorkItemRef, shared: SharedLookups) => Promise<PreparedItem>;

/** The pending items a contract's own stream holds. */
type ContractStreamItem = PendingBlockPurchase | PendingRetainerPurchase | PendingTicketPurchase | PendingRecurringItem | PendingMilestone;

/**
 * Turns source items into the ledger's `PostItems` commands: finds them, loads each from its own
 * stream, works out its bill-to account (billing-rules §10) and gathers the catalog, contracts and
 * settings their rating needs. Shared by the preview and by posting, so both rate alike.
 */
@Injectable()
export class PostingBatchBuilder {
  /** How the source items that are not editable are loaded (the editable ones: `EDITABLE_SOURCES`). */
  private readonly prepareFixed: Readonly<Record<Exclude<SourceType, EditableSourceType>, Prepare>> = {
    BLOCK_PURCHASE: (ref, shared) => this.preparePurchase(ref, shared),
    RETAINER_PURCHASE: (ref, shared) => this.preparePurchase(ref, shared),
    TICKET_PURCHASE: (ref, shared) => this.preparePurchase(ref, shared),
    TICKET: (ref, shared) => this.prepareTicket(ref, shared),
    SERVICE_PERIOD: (ref, shared) => this.prepareRecurring(ref, shared),
    SERVICE_ADJUSTMENT: (ref, shared) => this.prepareRecurring(ref, shared),
    SETUP_FEE: (ref, shared) => this.prepareRecurring(ref, shared),
    MILESTONE: (ref, shared) => this.prepareMilestone(ref, shared),
  };

  constructor(
    private readonly streams: StreamDecisions,
    private readonly lookups: BillingLookups,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  /** The work items the ids name; an unknown id is 404, an id two kinds of item share is 409. */
  resolve(itemIds: readonly string[]): WorkItemRef[] {
    return itemIds.map((id) => {
      const found = findWorkItems(this.db, id);
      if (found.length === 0) throw new NotFound('item', id);
      if (found.length > 1)
        throw new Conflict(
          'ambiguous-item',
          `item id ${id} names a ${found.map((f) => f.sourceType.toLowerCase()).join(' and a ')}; post them from their own screens`,
        );
      return found[0];
    });
  }

  /**
   * Loads the items, sharing the contracts, accounts and billing codes they name. `known` holds
   * item states the caller already has (those its approvals just decided), by item id; `requested`
   * the request's overrides, whose re-routings apply to the items not approved yet.
   */
  async prepareAll(
    refs: readonly WorkItemRef[],
    known: ReadonlyMap<string, unknown> = new Map(),
    requested: Readonly<Record<string, ItemOverrides>> = {},
  ): Promise<PreparedItem[]> {
    const memo = new Map<string, Promise<unknown>>();
    const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as Promise<T>;
    };
    const shared: SharedLookups = {
      contract: (id) => once(`contract:${id}`, () => this.lookups.contract(id)),
      account: (id) => once(`account:${id}`, () => this.lookups.account(id)),
      billingCode: (id) => once(`billingCode:${id}`, () => this.lookups.billingCode(id)),
    };
    return Promise.all(
      refs.map((ref) =>
        isEditableSource(ref.sourceType)
          ? this.prepareEditable(ref, ref.sourceType, shared, known.get(ref.itemId), requested[ref.itemId])
          : this.prepareFixed[ref.sourceType](ref, shared),
      ),
    );
  }

  /** A time entry, charge or expense, read from its own stream (or as the caller just decided it), on the contract the approver chose. */
  private async prepareEditable(
    ref: WorkItemRef,
    sourceType: EditableSourceType,
    shared: SharedLookups,
    known: unknown,
    requested: ItemOverrides | undefined,
  ): Promise<PreparedItem> {
    const source = editableSource(sourceType);
    const loaded = known ? undefined : await this.streams.load(source.stream(ref.itemId), source.decider);
    const item = source.postable(known ?? loaded!.state);
    if (!item) throw new NotFound(source.noun, ref.itemId);
    const routingOverride = await this.routingOverride(item, requested, shared);
    const contractId = routingOverride ? routingOverride.contractId : item.contractId;
    const pending = routingOverride ? { ...item.pending, contractId } : item.pending;
    const billTo = await this.billTo(item.accountId, contractId, shared);
    const billingCode = item.billingCodeId ? await shared.billingCode(item.billingCodeId) : undefined;
    return {
      ref,
      pending: pending.kind !== 'LABOR' && billingCode ? { ...pending, taxCategoryId: billingCode.taxCategory } : pending,
      source: {
        sourceType: ref.sourceType,
        accountId: item.accountId,
        purchaseOrderNumber: item.purchaseOrderNumber ?? billTo.purchaseOrderNumber,
        description: item.description,
        routingOverride,
      },
      billToAccountId: billTo.billToAccountId,
      approval: item.approval,
      loaded,
      roleIds: item.pending.kind === 'LABOR' ? [item.pending.roleId] : [],
      workTypeIds: item.pending.kind === 'LABOR' ? [item.pending.workTypeId] : [],
      resourceId: item.resourceId,
    };
  }

  /**
   * billing-rules §4.4: a time entry the approver re-routes. An approved entry keeps its approval's
   * routing, checked when it was approved (so a contract closed since cannot strand it); a request's
   * is checked here. Other items are not routed: the ledger refuses a `contractId` for them.
   */
  private async routingOverride(item: PostableSource, requested: ItemOverrides | undefined, shared: SharedLookups): Promise<RoutingOverride | null> {
    if (item.pending.kind !== 'LABOR' || item.routing === null) return null;
    const entry = {
      timeEntryId: item.pending.id,
      accountId: item.accountId,
      dateWorked: item.pending.dateWorked,
      contractId: item.contractId,
      routing: item.routing,
    };
    const approved = item.approval.status === 'approved' ? item.approval.approval : null;
    const overrides = approved ? approved.overrides : requested;
    if (!approved && overrides?.contractId != null) {
      const [account, contract] = await Promise.all([shared.account(item.accountId), shared.contract(overrides.contractId)]);
      checkRoutingOverride(entry, overrides.contractId, account, namedContractOf(contract));
    }
    return routingOverrideOf(entry, overrides);
  }

  /** A block, retainer or ticket purchase, from its contract's stream, taxed by its billing code. */
  private preparePurchase(ref: WorkItemRef, shared: SharedLookups): Promise<PreparedItem> {
    return this.prepareFromContract(ref, shared, (state, contractId) => {
      const purchase = state.purchases.find((p) => p.purchaseId === ref.itemId);
      if (!purchase) throw new NotFound('purchase', ref.itemId);
      return { ...purchaseToPost(contractId, purchase), billingCodeId: purchase.billingCodeId };
    });
  }

  /** A service period, adjustment or setup fee accrued on its contract's stream (billing-rules §7), taxed by its service's billing code. */
  private prepareRecurring(ref: WorkItemRef, shared: SharedLookups): Promise<PreparedItem> {
    return this.prepareFromContract(ref, shared, (state) => {
      const accrued = recurringItemToPost(state, ref.itemId);
      if (!accrued) throw new NotFound('item', ref.itemId);
      return { ...accrued, billingCodeId: state.services.find((s) => s.serviceId === accrued.serviceId)?.billingCodeId ?? null };
    });
  }

  /** A Fixed Price milestone, ready to bill (billing-rules §7), from its contract's stream, taxed by its billing code. */
  private prepareMilestone(ref: WorkItemRef, shared: SharedLookups): Promise<PreparedItem> {
    return this.prepareFromContract(ref, shared, (state) => {
      const milestone = milestoneToPost(state, ref.itemId);
      if (!milestone) throw new NotFound('milestone', ref.itemId);
      return milestone;
    });
  }

  /** An item its contract's stream holds (a purchase, an accrual, a milestone): billed as the contract says, taxed by the item's billing code. */
  private async prepareFromContract(
    ref: WorkItemRef,
    shared: SharedLookups,
    itemOf: (
      state: Extract<ContractState, { status: 'exists' }>,
      contractId: string,
    ) => { pending: ContractStreamItem; description: string; billingCodeId: string | null },
  ): Promise<PreparedItem> {
    const contractId = String(ref.contractId);
    const state = await shared.contract(contractId);
    if (state.status !== 'exists') throw new NotFound('contract', contractId);
    const { pending, description, billingCodeId } = itemOf(state, contractId);
    const billingCode = billingCodeId ? await shared.billingCode(billingCodeId) : undefined;
    const billTo = billToOf({ contract: state.terms });
    return {
      ref,
      pending: { ...pending, taxCategoryId: billingCode?.taxCategory ?? null },
      source: { sourceType: ref.sourceType, accountId: state.terms.accountId, purchaseOrderNumber: billTo.purchaseOrderNumber, description },
      billToAccountId: billTo.billToAccountId,
      approval: null,
      roleIds: [],
      workTypeIds: [],
      resourceId: null,
    };
  }

  /** A completed ticket, with the time entries of the ticket on its contract (the fallback rate of billing-rules §6 needs them). */
  private async prepareTicket(ref: WorkItemRef, shared: SharedLookups): Promise<PreparedItem> {
    const ticketId = ref.itemId.replace(/^ticket:/, '');
    const { state } = await this.streams.load(ticketStream(ticketId), ticketDecider);
    if (state.status !== 'completed') throw new NotFound('ticket', ticketId);
    const t = state.completion;
    const billTo = await this.billTo(t.accountId, t.contractId, shared);
    const labour = await this.ticketLabour(ticketId, t.contractId);
    return {
      ref,
      pending: { kind: 'TICKET', id: t.itemId, contractId: t.contractId, itemDate: t.date, labour },
      source: { sourceType: 'TICKET', accountId: t.accountId, purchaseOrderNumber: billTo.purchaseOrderNumber, description: `Ticket ${ticketId}` },
      billToAccountId: billTo.billToAccountId,
      approval: null,
      roleIds: labour.map((l) => l.roleId),
      workTypeIds: labour.map((l) => l.workTypeId),
      resourceId: null,
    };
  }

  /**
   * The ticket's time entries on its contract. The work-items read model (caught up with the store
   * before any Approve & Post) says which entries name the ticket; each entry's facts are read from
   * its own stream, which has the last word on its ticket and contract.
   */
  private async ticketLabour(ticketId: string, contractId: string): Promise<TicketLabourEntry[]> {
    const candidates = listWorkItems(this.db, { sourceType: 'TIME_ENTRY', ticketId, contractId });
    const entries = await Promise.all(candidates.map(async ({ itemId }) => (await this.streams.load(timeEntryStream(itemId), timeEntryDecider)).state));
    return entries.flatMap((state) => {
      if (state.status !== 'logged' || state.entry.ticketId !== ticketId || state.entry.contractId !== contractId) return [];
      const { timeEntryId: id, roleId, workTypeId, hoursWorked, offsetHours } = state.entry;
      return [{ id, roleId, workTypeId, hoursWorked, offsetHours }];
    });
  }

  /** billing-rules §10, from the item's contract or else its account. */
  private async billTo(accountId: string, contractId: string | null, shared: SharedLookups): Promise<BillTo> {
    if (contractId) {
      const state = await shared.contract(contractId);
      if (state.status !== 'exists') throw new NotFound('contract', contractId);
      return billToOf({ contract: state.terms });
    }
    const account = await shared.account(accountId);
    if (account.status !== 'active') throw new NotFound('account', accountId);
    return billToOf({ account: account.terms });
  }

  /** billing-rules §9: with `requireApprovedTimesheet`, labour posts only from approved weeks. */
  async checkTimesheets(items: PreparedItem[], settings: BillingSettings): Promise<void> {
    if (!settings.requireApprovedTimesheet) return;
    // One read per person and week, however many of their entries the batch holds.
    const weeks = new Map<string, Promise<TimesheetState['status']>>();
    const statusOf = (key: { resourceId: string; weekStart: string }) => {
      const id = timesheetStream(key);
      if (!weeks.has(id))
        weeks.set(
          id,
          this.streams.load(id, timesheetDecider).then(({ state }) => state.status),
        );
      return weeks.get(id)!;
    };
    for (const item of items) {
      if (item.pending.kind !== 'LABOR' || item.resourceId === null) continue;
      const key = { resourceId: item.resourceId, weekStart: weekStartOf(item.pending.dateWorked) };
      const status = await statusOf(key);
      if (status !== 'APPROVED')
        throw new RuleViolation(
          'timesheet-not-approved',
          `time entry ${item.pending.id} cannot post: the timesheet of ${key.resourceId} for the week of ${key.weekStart} is ${status.toLowerCase()}, and approved timesheets are required`,
        );
    }
  }

  /** One `PostItems` per bill-to account; approved items keep what their approval recorded. */
  async commands(items: PreparedItem[], choices: ApproverChoices, postingId: string, settings: BillingSettings): Promise<PostItems[]> {
    const commands: PostItems[] = [];
    for (const [billToAccountId, group] of byLedger(items)) {
      const [billToAccount, roles, workTypes, contracts] = await Promise.all([
        this.lookups.account(billToAccountId),
        Promise.all([...new Set(group.flatMap((i) => i.roleIds))].map((id) => this.lookups.role(id))),
        Promise.all([...new Set(group.flatMap((i) => i.workTypeIds))].map((id) => this.lookups.workType(id))),
        Promise.all([...new Set(group.map((i) => i.pending.contractId).filter((id): id is string => id !== null))].map((id) => this.lookups.contract(id))),
      ]);
      const overrides: Record<string, ItemOverrides> = {};
      const entries = group.map((item) => {
        const approved = item.approval?.status === 'approved' ? item.approval.approval : null;
        const itemOverrides = approved ? approved.overrides : choices.overrides[item.pending.id];
        if (itemOverrides && Object.keys(itemOverrides).length) overrides[item.pending.id] = itemOverrides;
        const source: PostingSource = {
          ...item.source,
          approvedBy: approved?.approvedBy ?? choices.approvedBy,
          postedDate: approved?.postedDate ?? choices.postedDate,
        };
        return { pending: item.pending, source };
      });
      commands.push({
        type: 'PostItems',
        postingId,
        billToAccountId,
        items: entries,
        catalog: {
          roles: roles.filter((r) => r !== undefined),
          workTypes: workTypes.filter((w) => w !== undefined).map(({ terms: _terms, ...snapshot }) => snapshot),
          contracts: contracts.filter((c) => c.status === 'exists').map(ratingSnapshotOf),
        },
        settings: { roundUpMinutes: settings.roundUpMinutes, multiplyOverage: settings.multiplyOverage },
        overrides,
        billTo: await this.lookups.taxContext(billToAccount),
        ...(choices.asked && { asked: askedOf(choices.asked, group) }),
      });
    }
    return commands;
  }
}

/** What the request asked of one ledger's items. */
function askedOf(asked: NonNullable<PostItems['asked']>, items: readonly PreparedItem[]): NonNullable<PostItems['asked']> {
  const overrides = Object.fromEntries(items.flatMap(({ pending }) => (asked.overrides[pending.id] ? [[pending.id, asked.overrides[pending.id]]] : [])));
  return { ...(asked.postedDate !== undefined && { postedDate: asked.postedDate }), overrides };
}
