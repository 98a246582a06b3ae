import type { AccountState } from '../accounts/account.decider';
import { replay } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import type { RoutingContract } from '../rating/rating-inputs';
import { timeEntryDecider, type TimeEntryContext, type TimeEntryEvent, type TimeEntryRequest } from './time-entry.decider';

const account: AccountState = {
  status: 'active',
  terms: { accountId: 'acme', name: 'Acme', parentAccountId: null, invoiceToParent: false, taxRegionId: null, taxExempt: false, paymentTermsDays: 30, currency: 'USD' },
};

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
  account,
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

const given = (events: TimeEntryEvent[]) => replay(timeEntryDecider, events);
const log = (r: Partial<TimeEntryRequest> = {}, c: Partial<TimeEntryContext> = {}) =>
  timeEntryDecider.decide({ type: 'LogTimeEntry', request: { ...request, ...r }, context: { ...context, ...c } }, given([]));

describe('time entry decider', () => {
  it('records the routing path and hours to bill when the entry is logged', () => {
    const [event] = log();
    // Onsite: the recurring contract excludes it → block; the block accepts it
    expect(event.data).toMatchObject({ contractId: 'blk', routing: ['rec', 'blk'] });
    // 0.6 h = 36 min → rounded up to 45 min = 0.75 h; the work type's minimum of 1 h applies
    expect(event.data).toMatchObject({ hoursToBill: '1' });
  });

  it('a named contract starts the routing; one of another account is refused; an unknown one is 404', () => {
    expect(log({ requestedContractId: 'tm', workTypeId: 'onsite' })[0].data).toMatchObject({ contractId: 'tm', routing: ['tm'] });
    expect(() => log({ requestedContractId: 'other' }, { contracts: { ...context.contracts, other: contract('other', { accountId: 'globex' }) } })).toThrow(RuleViolation);
    expect(() => log({ requestedContractId: 'ghost' })).toThrow(NotFound);
  });

  it('refuses more than 24 hours or none, an unknown role or work type', () => {
    expect(() => log({ hoursWorked: '24.25' })).toThrow(RuleViolation);
    expect(() => log({ hoursWorked: '0' })).toThrow(RuleViolation);
    expect(() => log({}, { roleExists: false })).toThrow(NotFound);
    expect(() => log({}, { workType: undefined })).toThrow(NotFound);
  });

  it('the same log again decides nothing; the same id with other details is a conflict', () => {
    const state = given(log());
    expect(timeEntryDecider.decide({ type: 'LogTimeEntry', request, context }, state)).toEqual([]);
    expect(() => timeEntryDecider.decide({ type: 'LogTimeEntry', request: { ...request, hoursWorked: '2' }, context }, state)).toThrow(Conflict);
  });

  it('a revision re-routes and recomputes; an approved entry cannot be revised until it is released', () => {
    const logged = log();
    const [revised] = timeEntryDecider.decide({ type: 'ReviseTimeEntry', timeEntryId: 'te1', changes: { workTypeId: 'after-hours', hoursWorked: '2' }, context }, given(logged));
    // After-Hours: excluded by the recurring and the block contracts → T&M
    expect(revised.data).toMatchObject({ contractId: 'tm', routing: ['rec', 'blk', 'tm'], hoursToBill: '2', changedFields: ['workTypeId', 'hoursWorked'] });

    const approved: TimeEntryEvent = { type: 'ItemApproved', data: { itemId: 'te1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: {}, approvedBy: 'k' } };
    expect(() => timeEntryDecider.decide({ type: 'ReviseTimeEntry', timeEntryId: 'te1', changes: { hoursWorked: '3' }, context }, given([...logged, approved]))).toThrow(Conflict);
    const released: TimeEntryEvent = { type: 'ItemReleased', data: { itemId: 'te1', reason: 'unposted', billingItemIds: ['bi-te1-1'] } };
    expect(timeEntryDecider.decide({ type: 'ReviseTimeEntry', timeEntryId: 'te1', changes: { hoursWorked: '3' }, context }, given([...logged, approved, released]))).toHaveLength(1);
  });

  it('approving twice decides nothing the second time: the first approval stands', () => {
    const approval = { itemId: 'te1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: { hoursToBill: '1' }, approvedBy: 'k' };
    const state = given([...log(), { type: 'ItemApproved', data: approval }]);
    expect(timeEntryDecider.decide({ type: 'ApproveItem', approval: { ...approval, overrides: {} } }, state)).toEqual([]);
  });
});
