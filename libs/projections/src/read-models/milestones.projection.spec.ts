import type { BillingEvent } from '@billing/domain';
import { billingItem, contractTerms } from '../testing/billing-fixtures';
import { projectionSpec, type GivenEvent } from '../testing/projection-spec';
import { contractsProjection } from './contracts/contracts.projection';
import { findContract } from './contracts/contracts.query';
import { unbilledDashboardProjection } from './ledger/unbilled-dashboard.projection';
import { queryUnbilledDashboard } from './ledger/unbilled-dashboard.query';
import { workItemsProjection } from './ledger/work-items.projection';
import { listWorkItems, pageWorkItems } from './ledger/work-items.query';

/**
 * Milestones in the read models (billing-rules §7): the contract shows each with its status
 * (IN_PROGRESS, READY_TO_BILL, BILLED from the ledger), Approve & Post finds a ready one (and lists
 * it once due), the dashboard shows a ready one awaiting posting, dated its due date.
 */
const on = (event: BillingEvent): GivenEvent => ({
  event,
  streamId: event.type === 'ItemPosted' || event.type === 'ItemUnposted' ? 'ledger-acme' : 'contract-fp',
});

// Fixed Price contract fp of acme: m1 $5,000 due 31 March (ready), m2 $2,500 due 30 June (in progress)
const created: BillingEvent = { type: 'ContractCreated', data: contractTerms({ contractId: 'fp', type: 'FIXED_PRICE' }) };
const m1: BillingEvent = {
  type: 'MilestoneAdded',
  data: { contractId: 'fp', milestoneId: 'm1', title: 'Design', amount: '5000', dueDate: '2026-03-31', billingCodeId: 'ms' },
};
const m2: BillingEvent = {
  type: 'MilestoneAdded',
  data: { contractId: 'fp', milestoneId: 'm2', title: 'Launch', amount: '2500', dueDate: '2026-06-30', billingCodeId: null },
};
const m1Ready: BillingEvent = { type: 'MilestoneReadyToBill', data: { contractId: 'fp', milestoneId: 'm1', amount: '5000', dueDate: '2026-03-31' } };
const m1Posted: BillingEvent = {
  type: 'ItemPosted',
  data: billingItem({
    billingItemId: 'bi-m1-1',
    sourceItemId: 'm1',
    sourceType: 'MILESTONE',
    type: 'MILESTONE',
    contractId: 'fp',
    itemDate: '2026-03-31',
    postedDate: '2026-04-02',
    quantity: '1',
    rate: '5000',
    amount: '5000.00',
  }),
};
const m1Unposted: BillingEvent = {
  type: 'ItemUnposted',
  data: { sourceItemId: 'm1', sourceType: 'MILESTONE', billingItemIds: ['bi-m1-1'], returned: [], reason: 'wrong amount' },
};

describe('milestones in the read models', () => {
  it('the contract shows each milestone with its status: in progress, ready to bill, billed, ready again after an unpost', async () => {
    const statuses = async (events: BillingEvent[]) =>
      findContract(await projectionSpec(contractsProjection).given(events.map(on)).readModel(), 'fp')?.milestones.map((m) => [m.id, m.status]);
    expect(await statuses([created, m1, m2])).toEqual([
      ['m1', 'IN_PROGRESS'],
      ['m2', 'IN_PROGRESS'],
    ]);
    expect(await statuses([created, m1, m2, m1Ready])).toEqual([
      ['m1', 'READY_TO_BILL'],
      ['m2', 'IN_PROGRESS'],
    ]);
    expect(await statuses([created, m1, m2, m1Ready, m1Posted])).toEqual([
      ['m1', 'BILLED'],
      ['m2', 'IN_PROGRESS'],
    ]);
    expect(await statuses([created, m1, m2, m1Ready, m1Posted, m1Unposted])).toEqual([
      ['m1', 'READY_TO_BILL'],
      ['m2', 'IN_PROGRESS'],
    ]);
    const db = await projectionSpec(contractsProjection).given([created, m1].map(on)).readModel();
    expect(findContract(db, 'fp')?.milestones).toEqual([
      { id: 'm1', title: 'Design', amount: '5000', dueDate: '2026-03-31', billingCodeId: 'ms', status: 'IN_PROGRESS' },
    ]);
  });

  it('the contract shows a renewal or an extension as its end date', async () => {
    const renewed: BillingEvent = {
      type: 'ContractRenewed',
      data: { contractId: 'fp', previousEndDate: '2026-12-31', newEndDate: '2027-12-31', period: 'YEARLY' },
    };
    const extended: BillingEvent = { type: 'ContractExtended', data: { contractId: 'fp', previousEndDate: '2027-12-31', newEndDate: '2028-03-31' } };
    const db = await projectionSpec(contractsProjection).given([created, renewed].map(on)).readModel();
    expect(findContract(db, 'fp')?.endDate).toBe('2027-12-31');
    const db2 = await projectionSpec(contractsProjection).given([created, renewed, extended].map(on)).readModel();
    expect(findContract(db2, 'fp')?.endDate).toBe('2028-03-31');
  });

  it('Approve & Post finds a milestone not ready as NOT_READY, a ready one PENDING, and lists it only once due', async () => {
    const db = await projectionSpec(workItemsProjection).given([created, m1, m2, m1Ready].map(on)).readModel();
    expect(listWorkItems(db, { sourceType: 'MILESTONE' }).map((i) => [i.itemId, i.status, i.itemType, i.accountId, i.itemDate])).toEqual([
      ['m1', 'PENDING', 'MILESTONE', 'acme', '2026-03-31'],
      ['m2', 'NOT_READY', 'MILESTONE', 'acme', '2026-06-30'],
    ]);
    const pending = (dueBy: string) => pageWorkItems(db, { statuses: ['PENDING', 'APPROVED'], dueBy }, { limit: 10, offset: 0 });
    expect(pending('2026-03-30')).toEqual({ rows: [], total: 0 });
    expect(pending('2026-03-31').rows.map((r) => r.itemId)).toEqual(['m1']);
  });

  it('a posted milestone is POSTED, and PENDING again after an unpost', async () => {
    const status = async (events: BillingEvent[]) =>
      listWorkItems(await projectionSpec(workItemsProjection).given(events.map(on)).readModel(), { sourceType: 'MILESTONE' })[0].status;
    expect(await status([created, m1, m1Ready, m1Posted])).toBe('POSTED');
    expect(await status([created, m1, m1Ready, m1Posted, m1Unposted])).toBe('PENDING');
  });

  it('the dashboard shows a ready milestone awaiting posting at its amount, dated its due date; one in progress not at all', async () => {
    const db = await projectionSpec(unbilledDashboardProjection).given([created, m1, m2, m1Ready].map(on)).readModel();
    const { itemsJson, totalsJson } = queryUnbilledDashboard(db, { asOf: '2026-04-10', stuckAfterDays: 7, limit: 10, offset: 0 });
    // 10 days after its due date: age 10, stuck
    expect(JSON.parse(itemsJson)).toEqual([
      expect.objectContaining({
        stage: 'AWAITING_POSTING',
        sourceItemId: 'm1',
        sourceType: 'MILESTONE',
        type: 'MILESTONE',
        contractId: 'fp',
        itemDate: '2026-03-31',
        amount: '5000.00',
        coverage: 'billable',
        ageDays: 10,
        stuck: true,
      }),
    ]);
    expect(JSON.parse(totalsJson).byStage).toEqual({ AWAITING_POSTING: { count: 1, amount: '5000.00' } });
  });
});
