import type { RoutingContract } from '../rating/rating-inputs';
import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { activeAccount } from '../testing/fixtures';
import type { ItemApprovedData } from './item-approval';
import { timeEntryDecider, type TimeEntryCommand, type TimeEntryContext } from './time-entry.decider';
import type { TimeEntryData, TimeEntryEvent, TimeEntryRequest } from './time-entry.events';

const contract = (id: string, overrides: Partial<RoutingContract & { accountId: string }> = {}): RoutingContract & { accountId: string } => ({
  id,
  accountId: 'acme',
  type: 'TIME_AND_MATERIALS',
  status: 'ACTIVE',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  excludedWorkTypeIds: [],
  excludedRoleIds: [],
  exclusionContractId: null,
  ...overrides,
});

// the linked contracts of billing-rules §4
const context: TimeEntryContext = {
  account: activeAccount(),
  roleExists: true,
  workType: { id: 'onsite', billable: true, modifier: { kind: 'none' }, minHours: '1' },
  defaultContractId: 'rec',
  contracts: {
    rec: contract('rec', { type: 'RECURRING_SERVICE', excludedWorkTypeIds: ['onsite', 'after-hours'], exclusionContractId: 'blk' }),
    blk: contract('blk', { type: 'BLOCK_HOURS', excludedWorkTypeIds: ['after-hours'], exclusionContractId: 'tm' }),
    tm: contract('tm'),
  },
  roundUpMinutes: 15,
};

const request: TimeEntryRequest = {
  timeEntryId: 'te1',
  accountId: 'acme',
  resourceId: 'ann',
  roleId: 'engineer',
  workTypeId: 'onsite',
  dateWorked: '2026-11-02',
  startTime: null,
  hoursWorked: '0.6',
  offsetHours: '0',
  ticketId: null,
  summary: 'printer',
  requestedContractId: null,
};

const log = (r: Partial<TimeEntryRequest> = {}, c: Partial<TimeEntryContext> = {}): TimeEntryCommand => ({
  type: 'LogTimeEntry',
  request: { ...request, ...r },
  context: { ...context, ...c },
});
const logged = (data: Partial<TimeEntryData> = {}): TimeEntryEvent => ({
  type: 'TimeEntryLogged',
  // Onsite: the recurring contract excludes it → block; 0.6 h → 0.75 h → the work type's minimum of 1 h
  data: { ...request, contractId: 'blk', routing: ['rec', 'blk'], hoursToBill: '1', ...data },
});

const timeEntries = deciderSpec(timeEntryDecider);

describe('time entry decider', () => {
  it('records the routing path and hours to bill when the entry is logged', () => {
    const [event] = timeEntries.given([]).when(log()).events();
    // Onsite: the recurring contract excludes it → block; the block accepts it
    expect(event.data).toMatchObject({ contractId: 'blk', routing: ['rec', 'blk'] });
    // 0.6 h = 36 min → rounded up to 45 min = 0.75 h; the work type's minimum of 1 h applies
    expect(event.data).toMatchObject({ hoursToBill: '1' });
    timeEntries.given([]).when(log()).then([logged()]);
  });

  it('a named contract starts the routing; one of another account is refused; an unknown one is 404', () => {
    timeEntries
      .given([])
      .when(log({ requestedContractId: 'tm', workTypeId: 'onsite' }))
      .then([logged({ requestedContractId: 'tm', contractId: 'tm', routing: ['tm'] })]);
    timeEntries
      .given([])
      .when(log({ requestedContractId: 'other' }, { contracts: { ...context.contracts, other: contract('other', { accountId: 'globex' }) } }))
      .then(rule('contract-of-another-account'));
    timeEntries
      .given([])
      .when(log({ requestedContractId: 'ghost' }))
      .then(notFound('contract', 'ghost'));
  });

  it('refuses more than 24 hours or none, an unknown role or work type', () => {
    timeEntries
      .given([])
      .when(log({ hoursWorked: '24.25' }))
      .then(rule('hours-worked-range'));
    timeEntries
      .given([])
      .when(log({ hoursWorked: '0' }))
      .then(rule('hours-worked-range'));
    timeEntries
      .given([])
      .when(log({}, { roleExists: false }))
      .then(notFound('role', 'engineer'));
    timeEntries
      .given([])
      .when(log({}, { workType: undefined }))
      .then(notFound('work type', 'onsite'));
  });

  it('the same log again decides nothing; the same id with other details is a conflict', () => {
    timeEntries.given([logged()]).when({ type: 'LogTimeEntry', request, context }).then([]);
    timeEntries
      .given([logged()])
      .when({ type: 'LogTimeEntry', request: { ...request, hoursWorked: '2' }, context })
      .then(conflict('id-reused'));
  });

  it('a revision re-routes and recomputes; an approved entry cannot be revised until it is released', () => {
    const [revised] = timeEntries
      .given([logged()])
      .when({ type: 'ReviseTimeEntry', timeEntryId: 'te1', changes: { workTypeId: 'after-hours', hoursWorked: '2' }, context })
      .events();
    // After-Hours: excluded by the recurring and the block contracts → T&M
    expect(revised.data).toMatchObject({ contractId: 'tm', routing: ['rec', 'blk', 'tm'], hoursToBill: '2', changedFields: ['workTypeId', 'hoursWorked'] });

    const approved: TimeEntryEvent = {
      type: 'ItemApproved',
      data: { itemId: 'te1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: {}, approvedBy: 'k' },
    };
    timeEntries
      .given([logged(), approved])
      .when({ type: 'ReviseTimeEntry', timeEntryId: 'te1', changes: { hoursWorked: '3' }, context })
      .then(conflict('item-locked'));
    const released: TimeEntryEvent = { type: 'ItemReleased', data: { itemId: 'te1', reason: 'unposted', billingItemIds: ['bi-te1-1'] } };
    const revising = timeEntries
      .given([logged(), approved, released])
      .when({ type: 'ReviseTimeEntry', timeEntryId: 'te1', changes: { hoursWorked: '3' }, context });
    expect(revising.events()).toHaveLength(1);
    // onsite stays on the block; 3 h is whole quarter hours
    revising.then([
      {
        type: 'TimeEntryRevised',
        data: { ...request, hoursWorked: '3', contractId: 'blk', routing: ['rec', 'blk'], hoursToBill: '3', changedFields: ['hoursWorked'] },
      },
    ]);
  });

  it('approving twice decides nothing the second time: the first approval stands', () => {
    const approval: ItemApprovedData = { itemId: 'te1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: { hoursToBill: '1' }, approvedBy: 'k' };
    const approving = timeEntries
      .given([logged(), { type: 'ItemApproved', data: approval }])
      .when({ type: 'ApproveItem', approval: { ...approval, overrides: {} } });
    approving.then([]);
    expect(approving.stateAfter()).toMatchObject({ approval: { status: 'approved', approval: { overrides: { hoursToBill: '1' } } } });
  });
});
