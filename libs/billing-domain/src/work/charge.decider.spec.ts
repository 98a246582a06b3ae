import { accountDecider } from '../accounts/account.decider';
import type { AccountState } from '../accounts/account.events';
import { contractDecider } from '../contracts/contract.decider';
import type { ContractTerms } from '../contracts/contract.events';
import { conflict, deciderSpec, notFound, rule, type ExpectedRefusal } from '../testing/decider-spec';
import { chargeDecider, type ChargeCommand, type RecordCharge } from './charge.decider';
import { chargeStream, type ChargeData, type ChargeEvent } from './charge.events';
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

/** The contract a charge names, as the handler loads it from the contract's stream. */
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
            purchaseOrderNumber: 'PO-7',
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

const charge = (overrides: Partial<ChargeData> = {}): ChargeData => ({
  chargeId: 'c1',
  accountId: 'acme',
  contractId: 'tm',
  billingCodeId: 'hw',
  name: 'Router',
  date: '2026-11-02',
  quantity: '2',
  unitPrice: '149.99',
  unitCost: '90',
  billable: true,
  purchaseOrderNumber: null,
  ...overrides,
});

const record = (data: Partial<ChargeData> = {}, command: Partial<Omit<RecordCharge, 'type' | 'charge'>> = {}): ChargeCommand => ({
  type: 'RecordCharge',
  charge: charge(data),
  account: acme,
  contract: namedContract(),
  billingCodeExists: true,
  ...command,
});
const recorded = (data: Partial<ChargeData> = {}): ChargeEvent => ({ type: 'ChargeRecorded', data: charge(data) });

const approval: ItemApprovedData = { itemId: 'c1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: { amount: '250' }, approvedBy: 'k' };
const release: ItemReleasedData = { itemId: 'c1', reason: 'unposted', billingItemIds: ['bi-c1-1'] };
const approved: ChargeEvent = { type: 'ItemApproved', data: approval };
const released: ChargeEvent = { type: 'ItemReleased', data: release };

const charges = deciderSpec(chargeDecider);

describe('charge decider (billing-rules §8)', () => {
  it('names its stream charge-{id}', () => {
    expect(chargeStream('c1')).toBe('charge-c1');
  });

  it('records a charge, pending approval', () => {
    const recording = charges.given([]).when(record());
    recording.then([recorded()]);
    expect(recording.stateAfter()).toEqual({ status: 'recorded', charge: charge(), approval: { status: 'pending' } });
  });

  it('the same record again decides nothing; the same id with other details is a conflict', () => {
    charges.given([recorded()]).when(record()).then([]);
    charges.given([recorded()]).when(record({ quantity: '3' })).then(conflict('id-reused'));
    charges.given([recorded()]).when(record({ purchaseOrderNumber: 'PO-8' })).then(conflict('id-reused'));
  });

  it('its account must exist', () => {
    charges.given([]).when(record({}, { account: { status: 'none' } })).then(notFound('account', 'acme'));
  });

  it('a charge without a contract names none, and needs no contract', () => {
    charges.given([]).when(record({ contractId: null }, { contract: undefined })).then([recorded({ contractId: null })]);
  });

  describe('the contract it names (not routed: it must fit as named)', () => {
    it.each<[string, Partial<ChargeData>, Partial<ContractTerms> | null, ChargeEvent[] | ExpectedRefusal]>([
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
      charges
        .given([])
        .when(record(data, { contract: contract === null ? undefined : namedContract(contract) }))
        .then(then);
    });
  });

  it('its billing code must exist; a charge without one needs none', () => {
    charges.given([]).when(record({}, { billingCodeExists: false })).then(notFound('billing code', 'hw'));
    charges.given([]).when(record({ billingCodeId: null }, { billingCodeExists: false })).then([recorded({ billingCodeId: null })]);
  });

  describe('approval (Approve & Post)', () => {
    it('a charge that is not recorded cannot be approved or released (404)', () => {
      charges.given([]).when({ type: 'ApproveItem', approval }).then(notFound('charge', 'c1'));
      charges.given([]).when({ type: 'ReleaseItem', release }).then(notFound('charge', 'c1'));
    });

    it('approving records the approval in the state; approving again decides nothing: the first approval stands', () => {
      const approving = charges.given([recorded()]).when({ type: 'ApproveItem', approval });
      approving.then([approved]);
      expect(approving.stateAfter()).toEqual({ status: 'recorded', charge: charge(), approval: { status: 'approved', approval } });
      charges
        .given([recorded(), approved])
        .when({ type: 'ApproveItem', approval: { ...approval, overrides: {} } })
        .then([]);
    });

    it('releasing makes it pending again; releasing a pending charge decides nothing', () => {
      const releasing = charges.given([recorded(), approved]).when({ type: 'ReleaseItem', release });
      releasing.then([released]);
      expect(releasing.stateAfter()).toEqual({ status: 'recorded', charge: charge(), approval: { status: 'pending' } });
      charges.given([recorded()]).when({ type: 'ReleaseItem', release }).then([]);
      charges.given([recorded(), approved, released]).when({ type: 'ReleaseItem', release }).then([]);
      // and it may be approved again
      charges.given([recorded(), approved, released]).when({ type: 'ApproveItem', approval }).then([approved]);
    });

    it('an approved charge recorded again: the same details decide nothing, other details are a conflict', () => {
      charges.given([recorded(), approved]).when(record()).then([]);
      charges.given([recorded(), approved]).when(record({ unitPrice: '99' })).then(conflict('id-reused'));
    });
  });
});
