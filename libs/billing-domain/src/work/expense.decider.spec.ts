import { deciderSpec, notFound, rule } from '../testing/decider-spec';
import { activeAccount, namedContract } from '../testing/fixtures';
import { recordedItemSpec } from '../testing/recorded-item-spec';
import { expenseDecider, type ExpenseCommand, type RecordExpense } from './expense.decider';
import { expenseStream, type ExpenseData, type ExpenseEvent, type ExpenseState } from './expense.events';

const expense = (overrides: Partial<ExpenseData> = {}): ExpenseData => ({
  expenseId: 'x1',
  accountId: 'acme',
  contractId: 'tm',
  category: 'Mileage',
  date: '2026-11-02',
  amount: '42.30',
  billable: true,
  description: 'to the Leeds office and back',
  resourceId: null,
  billingCodeId: null,
  ...overrides,
});

const record = (data: Partial<ExpenseData> = {}, command: Partial<Omit<RecordExpense, 'type' | 'expense'>> = {}): ExpenseCommand => ({
  type: 'RecordExpense',
  expense: expense(data),
  // acme, a child of group
  account: activeAccount({ parentAccountId: 'group' }),
  contract: namedContract(),
  billingCodeExists: true,
  ...command,
});
const recorded = (data: Partial<ExpenseData> = {}): ExpenseEvent => ({ type: 'ExpenseRecorded', data: expense(data) });

describe('expense decider (billing-rules §8)', () => {
  it('names its stream expense-{id}', () => {
    expect(expenseStream('x1')).toBe('expense-x1');
  });

  recordedItemSpec({
    noun: 'expense',
    itemId: 'x1',
    decider: expenseDecider,
    record,
    recorded,
    stateWith: (approval): ExpenseState => ({ status: 'recorded', expense: expense(), approval }),
    recordingOtherDetails: [record({ amount: '42.31' }), record({ billable: false }), record({ amount: '99' })],
    approvedAmount: '40',
  });

  it('its billing code (its tax category, billing-rules §10) must exist; an expense without one needs none', () => {
    const expenses = deciderSpec(expenseDecider);
    expenses
      .given([])
      .when(record({ billingCodeId: 'travel' }, { billingCodeExists: false }))
      .then(notFound('billing code', 'travel'));
    expenses
      .given([])
      .when(record({ billingCodeId: 'travel' }))
      .then([recorded({ billingCodeId: 'travel' })]);
    expenses
      .given([])
      .when(record({ billingCodeId: null }, { billingCodeExists: false }))
      .then([recorded()]);
  });

  it('its amount is at most 999999999999.99 (amount-too-large); the bound itself is recorded', () => {
    const expenses = deciderSpec(expenseDecider);
    expenses
      .given([])
      .when(record({ amount: '1000000000000' }))
      .then(rule('amount-too-large'));
    expenses
      .given([])
      .when(record({ amount: '999999999999.99' }))
      .then([recorded({ amount: '999999999999.99' })]);
  });
});
