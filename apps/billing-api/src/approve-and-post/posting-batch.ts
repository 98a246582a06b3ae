import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import {
  chargeDecider,
  chargeStream,
  Conflict,
  expenseDecider,
  expenseStream,
  NotFound,
  RuleViolation,
  ticketDecider,
  ticketStream,
  timeEntryDecider,
  timeEntryStream,
  timesheetDecider,
  timesheetStream,
  weekStartOf,
  type AccountState,
  type ChargeState,
  type ExpenseState,
  type TimeEntryState,
  type Approval,
  type BillingCodeTerms,
  type BillingSettings,
  type ContractRatingSnapshot,
  type ContractState,
  type ItemOverride,
  type PendingItem,
  type PostingSource,
  type PostItems,
} from '@billing/domain';
import { findWorkItems, listWorkItems, type WorkItemRef } from '@billing/projections';
import { BillingLookups } from '../infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../infrastructure/read-models.module';
import { StreamDecisions, type LoadedStream } from '../infrastructure/stream-decisions';

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

interface SharedLookups {
  contract(id: string): Promise<ContractState>;
  account(id: string): Promise<AccountState>;
  billingCode(id: string): Promise<BillingCodeTerms | undefined>;
}

/** The request's own choices, used for items not approved yet. */
interface ApproverChoices {
  postedDate: string;
  overrides: Readonly<Record<string, ItemOverride>>;
  approvedBy: string;
}

/**
 * Turns source items into the ledger's `PostItems` commands: finds them, loads each from its own
 * stream, works out its bill-to account (billing-rules §10) and gathers the catalog, contracts and
 * settings their rating needs. Shared by the preview and by posting, so both rate alike.
 */
@Injectable()
export class PostingBatchBuilder {
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
      if (found.length > 1) throw new Conflict(`item id ${id} names a ${found.map((f) => f.sourceType.toLowerCase()).join(' and a ')}; post them from their own screens`, 'ambiguous-item');
      return found[0];
    });
  }

  /**
   * Loads the items, sharing the contracts, accounts and billing codes they name. `known` holds
   * item states the caller already has (those its approvals just decided), by item id.
   */
  async prepareAll(refs: readonly WorkItemRef[], known: ReadonlyMap<string, unknown> = new Map()): Promise<PreparedItem[]> {
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
    return Promise.all(refs.map((ref) => this.prepare(ref, shared, known.get(ref.itemId))));
  }

  private async prepare(ref: WorkItemRef, shared: SharedLookups, known: unknown): Promise<PreparedItem> {
    const contract = shared.contract;
    const base = async (accountId: string, contractId: string | null) => {
      if (contractId) {
        const state = await contract(contractId);
        if (state.status !== 'exists') throw new NotFound('contract', contractId);
        return { billToAccountId: state.terms.billToAccountId ?? state.terms.accountId, purchaseOrderNumber: state.terms.purchaseOrderNumber };
      }
      const account = await shared.account(accountId);
      if (account.status !== 'active') throw new NotFound('account', accountId);
      const { invoiceToParent, parentAccountId } = account.terms;
      return { billToAccountId: invoiceToParent && parentAccountId ? parentAccountId : accountId, purchaseOrderNumber: null };
    };

    switch (ref.sourceType) {
      case 'TIME_ENTRY': {
        const loaded = known ? undefined : await this.streams.load(timeEntryStream(ref.itemId), timeEntryDecider);
        const state = (known as TimeEntryState | undefined) ?? loaded!.state;
        if (state.status !== 'logged') throw new NotFound('time entry', ref.itemId);
        const e = state.entry;
        const { billToAccountId, purchaseOrderNumber } = await base(e.accountId, e.contractId);
        return {
          ref,
          pending: { kind: 'LABOR', id: e.timeEntryId, contractId: e.contractId, dateWorked: e.dateWorked, startTime: e.startTime, roleId: e.roleId, workTypeId: e.workTypeId, hoursWorked: e.hoursWorked, offsetHours: e.offsetHours },
          source: { sourceType: 'TIME_ENTRY', accountId: e.accountId, purchaseOrderNumber, description: e.summary ?? `Labour, ${e.dateWorked}` },
          billToAccountId,
          approval: state.approval,
          loaded,
          roleIds: [e.roleId],
          workTypeIds: [e.workTypeId],
          resourceId: e.resourceId,
        };
      }
      case 'CHARGE': {
        const loaded = known ? undefined : await this.streams.load(chargeStream(ref.itemId), chargeDecider);
        const state = (known as ChargeState | undefined) ?? loaded!.state;
        if (state.status !== 'recorded') throw new NotFound('charge', ref.itemId);
        const c = state.charge;
        const { billToAccountId, purchaseOrderNumber } = await base(c.accountId, c.contractId);
        const billingCode = c.billingCodeId ? await shared.billingCode(c.billingCodeId) : undefined;
        return {
          ref,
          pending: { kind: 'CHARGE', id: c.chargeId, contractId: c.contractId, itemDate: c.date, quantity: c.quantity, unitPrice: c.unitPrice, unitCost: c.unitCost, billable: c.billable, taxCategoryId: billingCode?.taxCategory ?? null },
          source: { sourceType: 'CHARGE', accountId: c.accountId, purchaseOrderNumber: c.purchaseOrderNumber ?? purchaseOrderNumber, description: c.name },
          billToAccountId,
          approval: state.approval,
          loaded,
          roleIds: [],
          workTypeIds: [],
          resourceId: null,
        };
      }
      case 'EXPENSE': {
        const loaded = known ? undefined : await this.streams.load(expenseStream(ref.itemId), expenseDecider);
        const state = (known as ExpenseState | undefined) ?? loaded!.state;
        if (state.status !== 'recorded') throw new NotFound('expense', ref.itemId);
        const x = state.expense;
        const { billToAccountId, purchaseOrderNumber } = await base(x.accountId, x.contractId);
        return {
          ref,
          pending: { kind: 'EXPENSE', id: x.expenseId, contractId: x.contractId, itemDate: x.date, amount: x.amount, billable: x.billable, taxCategoryId: null },
          source: { sourceType: 'EXPENSE', accountId: x.accountId, purchaseOrderNumber, description: x.description ? `${x.category}: ${x.description}` : x.category },
          billToAccountId,
          approval: state.approval,
          loaded,
          roleIds: [],
          workTypeIds: [],
          resourceId: null,
        };
      }
      case 'BLOCK_PURCHASE':
      case 'RETAINER_PURCHASE':
      case 'TICKET_PURCHASE': {
        const state = await contract(ref.contractId!);
        if (state.status !== 'exists') throw new NotFound('contract', String(ref.contractId));
        const purchase = state.purchases.find((p) => p.purchaseId === ref.itemId);
        if (!purchase) throw new NotFound('purchase', ref.itemId);
        const { terms } = state;
        const common = { id: purchase.purchaseId, contractId: terms.contractId, itemDate: purchase.startDate };
        const pending: PendingItem =
          purchase.kind === 'BLOCK'
            ? { ...common, kind: 'BLOCK_PURCHASE', hours: purchase.hours, hourlyRate: purchase.hourlyRate }
            : purchase.kind === 'RETAINER'
              ? { ...common, kind: 'RETAINER_PURCHASE', amount: purchase.amount }
              : { ...common, kind: 'TICKET_PURCHASE', tickets: purchase.tickets, perTicketRate: purchase.perTicketRate };
        const what = purchase.kind === 'BLOCK' ? `Block of ${purchase.hours} hours` : purchase.kind === 'RETAINER' ? `Retainer of ${purchase.amount}` : `${purchase.tickets} tickets`;
        return {
          ref,
          pending,
          source: { sourceType: ref.sourceType, accountId: terms.accountId, purchaseOrderNumber: terms.purchaseOrderNumber, description: `${what}, ${purchase.startDate} to ${purchase.endDate}` },
          billToAccountId: terms.billToAccountId ?? terms.accountId,
          approval: null,
          roleIds: [],
          workTypeIds: [],
          resourceId: null,
        };
      }
      case 'TICKET': {
        const ticketId = ref.itemId.replace(/^ticket:/, '');
        const { state } = await this.streams.load(ticketStream(ticketId), ticketDecider);
        if (state.status !== 'completed') throw new NotFound('ticket', ticketId);
        const t = state.completion;
        const { billToAccountId, purchaseOrderNumber } = await base(t.accountId, t.contractId);
        const labour = listWorkItems(this.db, { sourceType: 'TIME_ENTRY', ticketId, contractId: t.contractId }).map((row) => {
          const e = row.data as { timeEntryId: string; roleId: string; workTypeId: string; hoursWorked: string; offsetHours: string };
          return { id: e.timeEntryId, roleId: e.roleId, workTypeId: e.workTypeId, hoursWorked: e.hoursWorked, offsetHours: e.offsetHours };
        });
        return {
          ref,
          pending: { kind: 'TICKET', id: t.itemId, contractId: t.contractId, itemDate: t.date, labour },
          source: { sourceType: 'TICKET', accountId: t.accountId, purchaseOrderNumber, description: `Ticket ${ticketId}` },
          billToAccountId,
          approval: null,
          roleIds: labour.map((l) => l.roleId),
          workTypeIds: labour.map((l) => l.workTypeId),
          resourceId: null,
        };
      }
      default: {
        const unknown: never = ref.sourceType;
        throw new Error(`unknown source type ${String(unknown)}`);
      }
    }
  }

  /** billing-rules §9: with `requireApprovedTimesheet`, labour posts only from approved weeks. */
  async checkTimesheets(items: PreparedItem[], settings: BillingSettings): Promise<void> {
    if (!settings.requireApprovedTimesheet) return;
    for (const item of items) {
      if (item.pending.kind !== 'LABOR' || item.resourceId === null) continue;
      const key = { resourceId: item.resourceId, weekStart: weekStartOf(item.pending.dateWorked) };
      const { state } = await this.streams.load(timesheetStream(key), timesheetDecider);
      if (state.status !== 'APPROVED')
        throw new RuleViolation(
          'timesheet-not-approved',
          `time entry ${item.pending.id} cannot post: the timesheet of ${key.resourceId} for the week of ${key.weekStart} is ${state.status.toLowerCase()}, and approved timesheets are required`,
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
      const overrides: Record<string, ItemOverride> = {};
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
      });
    }
    return commands;
  }
}

/** The items by bill-to account, in the order given. */
export function byLedger(items: readonly PreparedItem[]): Map<string, PreparedItem[]> {
  const groups = new Map<string, PreparedItem[]>();
  for (const item of items) {
    const group = groups.get(item.billToAccountId);
    if (group) group.push(item);
    else groups.set(item.billToAccountId, [item]);
  }
  return groups;
}

/** A contract as the rating engine sees it; the ledger fills in what each purchase has left. */
function ratingSnapshotOf(state: ContractState & { status: 'exists' }): ContractRatingSnapshot {
  const { terms, purchases } = state;
  const roleIds = new Set([...terms.roleRates.map((r) => r.roleId), ...terms.blockHourMultipliers.map((m) => m.roleId)]);
  const common = (p: { purchaseId: string; startDate: string; endDate: string; sequence: number }) => ({
    id: p.purchaseId,
    startDate: p.startDate,
    endDate: p.endDate,
    sequence: p.sequence,
    active: true,
  });
  return {
    id: terms.contractId,
    type: terms.type,
    overageRate: terms.overageRate,
    roleRates: [...roleIds].map((roleId) => ({
      roleId,
      hourlyRate: terms.roleRates.find((r) => r.roleId === roleId)?.hourlyRate ?? null,
      blockHourMultiplier: terms.blockHourMultipliers.find((m) => m.roleId === roleId)?.multiplier ?? null,
    })),
    blockPurchases: purchases.flatMap((p) => (p.kind === 'BLOCK' ? [{ ...common(p), hours: p.hours, hourlyRate: p.hourlyRate, remaining: p.hours }] : [])),
    retainerPurchases: purchases.flatMap((p) => (p.kind === 'RETAINER' ? [{ ...common(p), amount: p.amount, remaining: p.amount }] : [])),
    ticketPurchases: purchases.flatMap((p) => (p.kind === 'TICKETS' ? [{ ...common(p), tickets: p.tickets, perTicketRate: p.perTicketRate, remaining: p.tickets }] : [])),
  };
}
