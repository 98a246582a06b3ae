import type { AccountState } from '../accounts/account.decider';
import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { decideItemApproval, evolveItemApproval, type Approval, type ApprovalCommand, type ApprovalEvent } from './item-approval';
import { checkNamedContract, type NamedContract } from './work-item-context';

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
}

export type ExpenseRecorded = DomainEvent<'ExpenseRecorded', ExpenseData>;
export type ExpenseEvent = ExpenseRecorded | ApprovalEvent;
export type ExpenseState = { status: 'none' } | { status: 'recorded'; expense: ExpenseData; approval: Approval };

export interface RecordExpense {
  type: 'RecordExpense';
  expense: ExpenseData;
  account: AccountState;
  contract: NamedContract | undefined;
}
export type ExpenseCommand = RecordExpense | ApprovalCommand;

export const expenseStream = (expenseId: string) => `expense-${expenseId}`;

export const expenseDecider: Decider<ExpenseCommand, ExpenseEvent, ExpenseState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RecordExpense': {
        const { expense } = command;
        if (state.status === 'recorded') {
          if (JSON.stringify(state.expense) === JSON.stringify(expense)) return [];
          throw new Conflict(`expense ${expense.expenseId} already exists with other details`, 'id-reused');
        }
        checkNamedContract({ kind: 'expense', id: expense.expenseId, accountId: expense.accountId, contractId: expense.contractId, date: expense.date }, command.account, command.contract);
        return [{ type: 'ExpenseRecorded', data: expense }];
      }
      case 'ApproveItem':
      case 'ReleaseItem':
        return decideItemApproval('expense', state.status === 'recorded' ? state : undefined, command);
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ExpenseRecorded':
        return { status: 'recorded', expense: event.data, approval: { status: 'pending' } };
      case 'ItemApproved':
      case 'ItemReleased':
        return evolveItemApproval(state, event);
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
