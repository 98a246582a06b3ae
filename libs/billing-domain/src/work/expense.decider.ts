import type { AccountState } from '../accounts/account.events';
import type { Decider } from '../shared/decider';
import { Conflict, NotFound } from '../shared/domain-errors';
import { checkItemAmount } from '../shared/money-bounds';
import { evolveExpense, initialExpenseState, type ExpenseData, type ExpenseEvent, type ExpenseRecorded, type ExpenseState } from './expense.events';
import { withApproval, type ApprovalCommand } from './item-approval';
import { checkNamedContract, type NamedContract } from './named-contract';

export interface RecordExpense {
  type: 'RecordExpense';
  expense: ExpenseData;
  account: AccountState;
  contract: NamedContract | undefined;
  billingCodeExists: boolean;
}
export type ExpenseCommand = RecordExpense | ApprovalCommand;

function decideExpense(command: RecordExpense, state: ExpenseState): ExpenseRecorded[] {
  switch (command.type) {
    case 'RecordExpense': {
      const { expense } = command;
      if (state.status === 'recorded') {
        if (JSON.stringify(state.expense) === JSON.stringify(expense)) return [];
        throw new Conflict('id-reused', `expense ${expense.expenseId} already exists with other details`);
      }
      checkNamedContract(
        { kind: 'expense', id: expense.expenseId, accountId: expense.accountId, contractId: expense.contractId, date: expense.date },
        command.account,
        command.contract,
      );
      if (expense.billingCodeId !== null && !command.billingCodeExists) throw new NotFound('billing code', expense.billingCodeId);
      checkItemAmount(expense.amount, `expense ${expense.expenseId}: amount`);
      return [{ type: 'ExpenseRecorded', data: expense }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const expenseDecider: Decider<ExpenseCommand, ExpenseEvent, ExpenseState> = withApproval('expense', {
  decide: decideExpense,
  evolve: evolveExpense,
  initialState: initialExpenseState,
});
