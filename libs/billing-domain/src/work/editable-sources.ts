import type { SourceType } from '../ledger/ledger.events';
import type { PendingCharge, PendingExpense, PendingLabour } from '../rating/rating-inputs';
import type { Decider, DomainEvent } from '../shared/decider';
import { chargeDecider } from './charge.decider';
import { chargeStream, type ChargeState } from './charge.events';
import { expenseDecider } from './expense.decider';
import { expenseStream, type ExpenseState } from './expense.events';
import type { Approval, ApprovalCommand } from './item-approval';
import { timeEntryDecider } from './time-entry.decider';
import { timeEntryStream, type TimeEntryState } from './time-entry.events';

/** An editable source item as Approve & Post needs it, read from its own stream. */
export interface PostableSource {
  /** What the rating engine rates (a charge's or expense's tax category is its billing code's, filled in by whoever reads the code). */
  pending: PendingLabour | PendingCharge | PendingExpense;
  accountId: string;
  contractId: string | null;
  /** The item's own purchase order number; null: its contract's. */
  purchaseOrderNumber: string | null;
  description: string;
  billingCodeId: string | null;
  /** Who did the work (labour), for the timesheet rule of billing-rules §9. */
  resourceId: string | null;
  /** Time entries: every contract routing tried, in order; null for an item that is not routed. */
  routing: string[] | null;
  approval: Approval;
}

/**
 * A source item that technicians may edit until Approve & Post approves it on its own stream:
 * where its stream is, the decider that approves and releases it, and what posting reads of it.
 */
export interface EditableSource<State> {
  /** How a person names it: "time entry". */
  noun: string;
  stream(itemId: string): string;
  decider: Decider<ApprovalCommand, DomainEvent, State>;
  /** The item as posting sees it; undefined while it does not exist. */
  postable(state: State): PostableSource | undefined;
}

interface EditableStates {
  TIME_ENTRY: TimeEntryState;
  CHARGE: ChargeState;
  EXPENSE: ExpenseState;
}
export type EditableSourceType = keyof EditableStates;

/** Every editable source type, and only those: the type makes a missing or extra entry a compile error. */
export const EDITABLE_SOURCES: { readonly [T in EditableSourceType]: EditableSource<EditableStates[T]> } = {
  TIME_ENTRY: {
    noun: 'time entry',
    stream: timeEntryStream,
    decider: timeEntryDecider,
    postable: (state) => {
      if (state.status !== 'logged') return undefined;
      const e = state.entry;
      return {
        pending: {
          kind: 'LABOR',
          id: e.timeEntryId,
          contractId: e.contractId,
          dateWorked: e.dateWorked,
          startTime: e.startTime,
          roleId: e.roleId,
          workTypeId: e.workTypeId,
          hoursWorked: e.hoursWorked,
          offsetHours: e.offsetHours,
        },
        accountId: e.accountId,
        contractId: e.contractId,
        purchaseOrderNumber: null,
        description: e.summary ?? `Labour, ${e.dateWorked}`,
        billingCodeId: null,
        resourceId: e.resourceId,
        routing: e.routing,
        approval: state.approval,
      };
    },
  },
  CHARGE: {
    noun: 'charge',
    stream: chargeStream,
    decider: chargeDecider,
    postable: (state) => {
      if (state.status !== 'recorded') return undefined;
      const c = state.charge;
      return {
        pending: {
          kind: 'CHARGE',
          id: c.chargeId,
          contractId: c.contractId,
          itemDate: c.date,
          quantity: c.quantity,
          unitPrice: c.unitPrice,
          unitCost: c.unitCost,
          billable: c.billable,
          taxCategoryId: null,
        },
        accountId: c.accountId,
        contractId: c.contractId,
        purchaseOrderNumber: c.purchaseOrderNumber,
        description: c.name,
        billingCodeId: c.billingCodeId,
        resourceId: null,
        routing: null,
        approval: state.approval,
      };
    },
  },
  EXPENSE: {
    noun: 'expense',
    stream: expenseStream,
    decider: expenseDecider,
    postable: (state) => {
      if (state.status !== 'recorded') return undefined;
      const x = state.expense;
      return {
        pending: { kind: 'EXPENSE', id: x.expenseId, contractId: x.contractId, itemDate: x.date, amount: x.amount, billable: x.billable, taxCategoryId: null },
        accountId: x.accountId,
        contractId: x.contractId,
        purchaseOrderNumber: null,
        description: x.description ? `${x.category}: ${x.description}` : x.category,
        billingCodeId: x.billingCodeId,
        resourceId: null,
        routing: null,
        approval: state.approval,
      };
    },
  },
};

export function isEditableSource(sourceType: SourceType): sourceType is EditableSourceType {
  return Object.hasOwn(EDITABLE_SOURCES, sourceType);
}

/** The registry entry of a source type, for callers that hold states of any editable kind. */
export function editableSource(sourceType: EditableSourceType): EditableSource<unknown> {
  return EDITABLE_SOURCES[sourceType] as EditableSource<unknown>;
}
