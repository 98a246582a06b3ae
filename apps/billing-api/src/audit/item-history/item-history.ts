import { isOverage, type BillingItemData, type InvoiceGeneratedData, type ItemApprovedData, type TimeEntryData, type WorkTypeModifier } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import { domainEvent } from '@billing/projections';
import { publishedEvent, type PublishedEvent } from '../../events/published-event';

export type HistoryStepKind =
  'LOGGED' | 'REVISED' | 'READY_TO_BILL' | 'APPROVED' | 'RELEASED' | 'POSTED' | 'UNPOSTED' | 'INVOICED' | 'INVOICE_ISSUED' | 'INVOICE_VOIDED' | 'RECORDED';

/** Where the rate of a posted labour item came from, as the catalog and the contract stood when it posted. */
export interface CatalogAtPosting {
  /** The role's hourly rate (the base of `ROLE_RATE`). */
  roleHourlyRate: string | null;
  /** The contract's rate for the role (the base of `CONTRACT_ROLE_RATE`), null where it sets none. */
  contractRoleRate: string | null;
  /** The contract's overage rate (Block Hours, Per Ticket). */
  contractOverageRate: string | null;
  /** The work type's rate modifier (billing-rules §5). */
  workTypeModifier: WorkTypeModifier | null;
}

/** One event about the item: what happened, who did it, when, why, and the event as published. */
export interface HistoryStep {
  step: HistoryStepKind;
  type: string;
  streamId: string;
  position: string;
  revision: string;
  actor: string | null;
  actorRole: string | null;
  /** Business time of the command (metadata). */
  occurredAt: string | null;
  /** When the store recorded it. */
  recordedAt: string;
  /** Where a person gave one. */
  reason: string | null;
  correlationId: string | null;
  /** What the step decided, read from the event (and, for a posting, the rates it was rated from). */
  details: Record<string, unknown>;
  publishedEvent: PublishedEvent;
}

const CREATED: Readonly<Record<string, true>> = {
  TimeEntryLogged: true,
  ChargeRecorded: true,
  ExpenseRecorded: true,
  TicketCompleted: true,
  BlockPurchased: true,
  RetainerPurchased: true,
  TicketsPurchased: true,
  ServicePeriodAccrued: true,
  ServiceAdjustmentAccrued: true,
  SetupFeeAccrued: true,
  MilestoneAdded: true,
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The fields of a time entry a revision changed, each from what it was to what it became. */
function changesOf(before: TimeEntryData | undefined, after: TimeEntryData & { changedFields: string[] }): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of after.changedFields) {
    changes[field] = { from: before?.[field as keyof TimeEntryData] ?? null, to: after[field as keyof TimeEntryData] ?? null };
  }
  return changes;
}

/** What the approver's overrides replaced, as the item stood when it was approved (the engine's own figures are in each posting's `original`). */
function approvalOriginals(approval: ItemApprovedData, entry: TimeEntryData | undefined): Record<string, unknown> {
  const original: Record<string, unknown> = {};
  if (!entry) return original;
  if (approval.overrides.hoursToBill !== undefined) original.hoursToBill = entry.hoursToBill;
  if (approval.overrides.contractId !== undefined) original.contractId = entry.contractId;
  return original;
}

function postingDetails(item: BillingItemData, catalog: CatalogAtPosting | undefined): Record<string, unknown> {
  return {
    billingItemId: item.billingItemId,
    billToAccountId: item.billToAccountId,
    contractId: item.contractId,
    type: item.type,
    part: item.part,
    quantity: item.quantity,
    rate: item.rate,
    rateSource: item.labour?.rateSource ?? null,
    hoursWorked: item.labour?.hoursWorked ?? null,
    hoursToBill: item.labour?.hoursToBill ?? null,
    amount: item.amount,
    tax: item.tax,
    cost: item.cost,
    covered: item.covered,
    overage: isOverage(item),
    draws: item.draws,
    original: item.original ?? null,
    overrides: item.overrides,
    routingOverride: item.routingOverride,
    postedDate: item.postedDate,
    approvedBy: item.approvedBy,
    ratedFrom: catalog ?? null,
  };
}

/**
 * The steps of one item's history from the events about it (its own stream's, and those of the
 * ledgers that name it), in global order. `catalogAtPosting` explains each posted labour item's
 * rate, by billing item id.
 */
export function itemHistorySteps(
  itemId: string,
  events: readonly RecordedEvent[],
  catalogAtPosting: ReadonlyMap<string, CatalogAtPosting> = new Map(),
): HistoryStep[] {
  let entry: TimeEntryData | undefined;
  return [...events]
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
    .map((recorded) => {
      const event = domainEvent(recorded);
      const data = event.data as Record<string, unknown>;
      let step: HistoryStepKind = 'RECORDED';
      let details: Record<string, unknown> = {};
      switch (event.type) {
        case 'TimeEntryLogged':
          entry = data as unknown as TimeEntryData;
          step = 'LOGGED';
          details = { ...data };
          break;
        case 'TimeEntryRevised': {
          const revised = data as unknown as TimeEntryData & { changedFields: string[] };
          step = 'REVISED';
          details = { changes: changesOf(entry, revised) };
          const { changedFields: _changed, ...now } = revised;
          entry = now;
          break;
        }
        case 'MilestoneReadyToBill':
          step = 'READY_TO_BILL';
          details = { ...data };
          break;
        case 'ItemApproved': {
          const approval = data as unknown as ItemApprovedData;
          step = 'APPROVED';
          details = {
            ledgerAccountId: approval.ledgerAccountId,
            postedDate: approval.postedDate,
            approvedBy: approval.approvedBy,
            overrides: approval.overrides,
            original: approvalOriginals(approval, entry),
          };
          break;
        }
        case 'ItemReleased':
          step = 'RELEASED';
          details = { billingItemIds: data.billingItemIds };
          break;
        case 'ItemPosted': {
          const item = data as unknown as BillingItemData;
          step = 'POSTED';
          details = postingDetails(item, catalogAtPosting.get(item.billingItemId));
          break;
        }
        case 'ItemUnposted':
          step = 'UNPOSTED';
          details = { billingItemIds: data.billingItemIds, returned: data.returned };
          break;
        case 'InvoiceGenerated': {
          const invoice = data as unknown as InvoiceGeneratedData;
          step = 'INVOICED';
          details = {
            invoiceId: invoice.invoiceId,
            runId: invoice.runId,
            invoiceDate: invoice.invoiceDate,
            purchaseOrderNumber: invoice.purchaseOrderNumber,
            billingItemIds: invoice.items.filter((i) => i.sourceItemId === itemId).map((i) => i.billingItemId),
            lines: invoice.lines.filter((line) => line.sourceItemId === itemId),
            invoiceTotal: invoice.total,
          };
          break;
        }
        case 'InvoiceIssued':
          step = 'INVOICE_ISSUED';
          details = { invoiceId: data.invoiceId, number: data.number };
          break;
        case 'InvoiceVoided':
          step = 'INVOICE_VOIDED';
          details = { invoiceId: data.invoiceId, number: data.number, voidedBy: data.voidedBy, voidedAt: data.voidedAt, unpost: data.unpost };
          break;
        default:
          if (CREATED[event.type]) {
            step = 'LOGGED';
            details = { ...data };
          }
      }
      const { metadata } = recorded;
      return {
        step,
        type: recorded.type,
        streamId: recorded.streamId,
        position: recorded.position.toString(),
        revision: recorded.revision.toString(),
        actor: text(metadata.actor),
        actorRole: text(metadata.actorRole),
        occurredAt: text(metadata.occurredAt),
        recordedAt: recorded.recordedAt,
        reason: text(metadata.reason) ?? text(data.reason),
        correlationId: text(metadata.correlationId),
        details,
        publishedEvent: publishedEvent(recorded),
      };
    });
}
