import { accountDecider } from '../accounts/account.decider';
import type { AccountState } from '../accounts/account.events';
import { contractDecider } from '../contracts/contract.decider';
import type { ContractTerms } from '../contracts/contract.events';
import { conflict, deciderSpec, notFound, rule, type ExpectedRefusal } from '../testing/decider-spec';
import { expenseDecider, type ExpenseCommand, type RecordExpense } from './expense.decider';
import { expenseStream, type ExpenseData, type ExpenseEvent } from './expense.events';
import type { ItemApprovedData, ItemReleasedData } from './item-approval';
import { namedContractOf, type NamedContract } from './named-contract';

// acme, a child of group
const acme: AccountState = deciderSpec(accountDecider)
  .given([
    {
      type: 'AccountCreated',
      data: { accountId: 'acme', name: 'Acme', parentAccountId: 'group', invoiceToParent: false, taxRegionId: null, taxExempt: false, paymentTermsDays: 30, currency: 'USD' },
    },
  ])
  .state();

/** The contract an expense names, as the handler loads it from the contract's stream. */
const namedContract = (overrides: Partial<ContractTerms> = {}): NamedContract | undefined =>
  namedContractOf(
    deciderSpec(contractDecider)
      .given([
        {
          type: 'ContractCreated',
          data: {
            contractId: 'tm',
            accountId: 'acme',
            name: 'Acme T&M',
            type: 'TIME_AND_MATERIALS',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            status: 'ACTIVE',
            purchaseOrderNumber: null,
            isDefault: false,
            exclusionSetId: null,
            excludedWorkTypeIds: [],
            excludedRoleIds: [],
            exclusionContractId: null,
            billToAccountId: null,
            roleRates: [],
            overageRate: null,
            blockHourMultipliers: [],
            periodType: null,
            setupFee: null,
            ...overrides,
          },
        },
      ])
      .state(),
  );

const expense = (overrides: Partial<ExpenseData> = {}): ExpenseData => ({
  expenseId: 'x1',
  accountId: 'acme',
  contractId: 'tm',
  category: 'Mileage',
  date: '2026-11-02',
  amount: '42.30',
  billable: true,
  description: 'to the Leeds office and back',
  ...overrides,
});

const record = (data: Partial<ExpenseData> = {}, command: Partial<Omit<RecordExpense, 'type' | 'expense'>> = {}): ExpenseCommand => ({
  type: 'RecordExpense',
  expense: expense(data),
  account: acme,
  contract: namedContract(),
  ...command,
});
const recorded = (data: Partial<ExpenseData> = {}): ExpenseEvent => ({ type: 'ExpenseRecorded', data: expense(data) });

const approval: ItemApprovedData = { itemId: 'x1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: { amount: '40' }, approvedBy: 'k' };
const release: ItemReleasedData = { itemId: 'x1', reason: 'unposted', billingItemIds: ['bi-x1-1'] };
const approved: ExpenseEvent = { type: 'ItemApproved', data: approval };
const released: ExpenseEvent = { type: 'ItemReleased', data: release };

const expenses = deciderSpec(expenseDecider);

describe('expense decider (billing-rules §8)', () => {
  it('names its stream expense-{id}', () => {
    expect(expenseStream('x1')).toBe('expense-x1');
  });

  it('records an expense, pending approval', () => {
    const recording = expenses.given([]).when(record());
    recording.then([recorded()]);
    expect(recording.stateAfter()).toEqual({ status: 'recorded', expense: expense(), approval: { status: 'pending' } });
  });

  it('the same record again decides nothing; the same id with other details is a conflict', () => {
    expenses.given([recorded()]).when(record()).then([]);
    expenses.given([recorded()]).when(record({ amount: '42.31' })).then(conflict('id-reused'));
    expenses.given([recorded()]).when(record({ billable: false })).then(conflict('id-reused'));
  });

  it('its account must exist', () => {
    expenses.given([]).when(record({}, { account: { status: 'none' } })).then(notFound('account', 'acme'));
  });

  it('an expense without a contract names none, and needs no contract', () => {
    expenses.given([]).when(record({ contractId: null }, { contract: undefined })).then([recorded({ contractId: null })]);
  });

  describe('the contract it names (not routed: it must fit as named)', () => {
    it.each<[string, Partial<ExpenseData>, Partial<ContractTerms> | null, ExpenseEvent[] | ExpectedRefusal]>([
      ['of the account', {}, {}, [recorded()]],
      ['of the account’s parent', {}, { accountId: 'group' }, [recorded()]],
      ['of another account', {}, { accountId: 'globex' }, rule('contract-of-another-account')],
      ['dated its first day', { date: '2026-01-01' }, {}, [recorded({ date: '2026-01-01' })]],
      ['dated its last day', { date: '2026-12-31' }, {}, [recorded({ date: '2026-12-31' })]],
      ['dated the day before it starts', { date: '2025-12-31' }, {}, rule('date-outside-contract')],
      ['dated the day after it ends', { date: '2027-01-01' }, {}, rule('date-outside-contract')],
      ['inactive', {}, { status: 'INACTIVE' }, rule('contract-inactive')],
      ['inactive, and dated outside it: the dates are checked first', { date: '2027-01-01' }, { status: 'INACTIVE' }, rule('date-outside-contract')],
      ['that does not exist', {}, null, notFound('contract', 'tm')],
    ])('given a contract %s', (_name, data, contract, then) => {
      expenses
        .given([])
        .when(record(data, { contract: contract === null ? undefined : namedContract(contract) }))
        .then(then);
    });
  });

  describe('approval (Approve & Post)', () => {
    it('an expense that is not recorded cannot be approved or released (404)', () => {
      expenses.given([]).when({ type: 'ApproveItem', approval }).then(notFound('expense', 'x1'));
      expenses.given([]).when({ type: 'ReleaseItem', release }).then(notFound('expense', 'x1'));
    });

    it('approving records the approval in the state; approving again decides nothing: the first approval stands', () => {
      const approving = expenses.given([recorded()]).when({ type: 'ApproveItem', approval });
      approving.then([approved]);
      expect(approving.stateAfter()).toEqual({ status: 'recorded', expense: expense(), approval: { status: 'approved', approval } });
      expenses
        .given([recorded(), approved])
        .when({ type: 'ApproveItem', approval: { ...approval, overrides: {} } })
        .then([]);
    });

    it('releasing makes it pending again; releasing a pending expense decides nothing', () => {
      const releasing = expenses.given([recorded(), approved]).when({ type: 'ReleaseItem', release });
      releasing.then([released]);
      expect(releasing.stateAfter()).toEqual({ status: 'recorded', expense: expense(), approval: { status: 'pending' } });
      expenses.given([recorded()]).when({ type: 'ReleaseItem', release }).then([]);
      expenses.given([recorded(), approved, released]).when({ type: 'ReleaseItem', release }).then([]);
      // and it may be approved again
      expenses.given([recorded(), approved, released]).when({ type: 'ApproveItem', approval }).then([approved]);
    });

    it('an approved expense recorded again: the same details decide nothing, other details are a conflict', () => {
      expenses.given([recorded(), approved]).when(record()).then([]);
      expenses.given([recorded(), approved]).when(record({ amount: '99' })).then(conflict('id-reused'));
    });
  });
});
