import type { AccountState } from '../accounts/account.events';
import type { ContractTerms } from '../contracts/contract.events';
import type { Decider } from '../shared/decider';
import type { Approval, ApprovalCommand, ApprovalEvent, ItemApprovedData, ItemReleasedData } from '../work/item-approval';
import type { NamedContract } from '../work/named-contract';
import { conflict, deciderSpec, notFound, rule, type ExpectedRefusal } from './decider-spec';
import { namedContract } from './fixtures';

/** What a record command carries beside the item, as the handler loaded it. */
export interface RecordContext {
  account?: AccountState;
  contract?: NamedContract | undefined;
}

/** The fields of an item that the checks of the contract it names read. */
interface NamingFields {
  contractId: string | null;
  date: string;
}

/**
 * An item recorded as is and approved through `withApproval` (a charge, an expense), as
 * `recordedItemSpec` tests it. Its defaults: account `acme` (a child of `group`), the contract
 * `tm` of `acme` for 2026 (`namedContract()`), dated 2026-11-02.
 */
export interface RecordedItem<Command, Event, State> {
  /** As refusals name it (`charge`, `expense`). */
  noun: string;
  itemId: string;
  decider: Decider<Command | ApprovalCommand, Event | ApprovalEvent, State>;
  /** The command that records the item: `data` over its defaults; the context given over `acme` and `namedContract()`. */
  record(data?: Partial<NamingFields>, context?: RecordContext): Command;
  /** The event recording the item: `data` over its defaults. */
  recorded(data?: Partial<NamingFields>): Event;
  /** The state of the item recorded with its defaults, with this approval. */
  stateWith(approval: Approval): State;
  /** Commands recording the same id with other details (each a conflict). */
  recordingOtherDetails: Command[];
  /** The amount the approver sets on it. */
  approvedAmount: string;
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * The behaviour every recorded item shares (billing-rules §8): recording it again, the account
 * and the contract it names (not routed: it must fit as named), and its approval for
 * Approve & Post. Call inside the item's own `describe`, beside what is its own.
 */
export function recordedItemSpec<Command, Event, State>(item: RecordedItem<Command, Event, State>): void {
  const items = deciderSpec(item.decider);
  const { record, recorded } = item;
  const a = withArticle(item.noun);
  const approval: ItemApprovedData = {
    itemId: item.itemId,
    ledgerAccountId: 'acme',
    postedDate: '2026-11-20',
    overrides: { amount: item.approvedAmount },
    approvedBy: 'k',
  };
  const release: ItemReleasedData = { itemId: item.itemId, reason: 'unposted', billingItemIds: [`bi-${item.itemId}-1`] };
  const approved: ApprovalEvent = { type: 'ItemApproved', data: approval };
  const released: ApprovalEvent = { type: 'ItemReleased', data: release };

  it(`records ${a}, pending approval`, () => {
    const recording = items.given([]).when(record());
    recording.then([recorded()]);
    expect(recording.stateAfter()).toEqual(item.stateWith({ status: 'pending' }));
  });

  it('the same record again decides nothing; the same id with other details is a conflict', () => {
    items.given([recorded()]).when(record()).then([]);
    for (const other of item.recordingOtherDetails) items.given([recorded()]).when(other).then(conflict('id-reused'));
  });

  it('its account must exist', () => {
    items
      .given([])
      .when(record({}, { account: { status: 'none' } }))
      .then(notFound('account', 'acme'));
  });

  it(`${a} without a contract names none, and needs no contract`, () => {
    items
      .given([])
      .when(record({ contractId: null }, { contract: undefined }))
      .then([recorded({ contractId: null })]);
  });

  describe('the contract it names (not routed: it must fit as named)', () => {
    it.each<[string, Partial<NamingFields>, Partial<ContractTerms> | null, (Event | ApprovalEvent)[] | ExpectedRefusal]>([
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
      items
        .given([])
        .when(record(data, { contract: contract === null ? undefined : namedContract(contract) }))
        .then(then);
    });
  });

  describe('approval (Approve & Post)', () => {
    it(`${a} that is not recorded cannot be approved or released (404)`, () => {
      items.given([]).when({ type: 'ApproveItem', approval }).then(notFound(item.noun, item.itemId));
      items.given([]).when({ type: 'ReleaseItem', release }).then(notFound(item.noun, item.itemId));
    });

    it('approving records the approval in the state; approving again decides nothing: the first approval stands', () => {
      const approving = items.given([recorded()]).when({ type: 'ApproveItem', approval });
      approving.then([approved]);
      expect(approving.stateAfter()).toEqual(item.stateWith({ status: 'approved', approval }));
      items
        .given([recorded(), approved])
        .when({ type: 'ApproveItem', approval: { ...approval, overrides: {} } })
        .then([]);
    });

    it(`releasing makes it pending again; releasing a pending ${item.noun} decides nothing`, () => {
      const releasing = items.given([recorded(), approved]).when({ type: 'ReleaseItem', release });
      releasing.then([released]);
      expect(releasing.stateAfter()).toEqual(item.stateWith({ status: 'pending' }));
      items.given([recorded()]).when({ type: 'ReleaseItem', release }).then([]);
      items.given([recorded(), approved, released]).when({ type: 'ReleaseItem', release }).then([]);
      // and it may be approved again
      items.given([recorded(), approved, released]).when({ type: 'ApproveItem', approval }).then([approved]);
    });

    it(`an approved ${item.noun} recorded again: the same details decide nothing, other details are a conflict`, () => {
      items.given([recorded(), approved]).when(record()).then([]);
      for (const other of item.recordingOtherDetails) items.given([recorded(), approved]).when(other).then(conflict('id-reused'));
    });
  });
}
