import type { DomainEvent } from '../shared/decider';
import type { Approval, ApprovalEvent } from './item-approval';

/** Mileage, travel (billing-rules §8). */
export interface ExpenseData {
  expenseId: string;
  accountId: string;
  contractId: string | null;
  category: string;
  date: string;
  amount: string;
  billable: boolean;
  description: string | null;
  /** The person who spent it (a technician's key records its own); null when nobody was named. Added in v2. */
  resourceId: string | null;
  /** Gives the expense its tax category (billing-rules §10); null: untaxed. Added in v2. */
  billingCodeId: string | null;
}

export type ExpenseRecorded = DomainEvent<'ExpenseRecorded', ExpenseData>;
/** The events of an expense's stream: its own, and its approval's. */
export type ExpenseEvent = ExpenseRecorded | ApprovalEvent;
export type ExpenseState = { status: 'none' } | { status: 'recorded'; expense: ExpenseData; approval: Approval };

export const expenseStream = (expenseId: string) => `expense-${expenseId}`;

export const initialExpenseState = (): ExpenseState => ({ status: 'none' });

/** Folds the expense's own events (approval events are folded by `withApproval`). */
export function evolveExpense(_state: ExpenseState, event: ExpenseRecorded): ExpenseState {
  switch (event.type) {
    case 'ExpenseRecorded':
      return { status: 'recorded', expense: event.data, approval: { status: 'pending' } };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
