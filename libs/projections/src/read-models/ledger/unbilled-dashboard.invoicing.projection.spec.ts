import type Database from 'better-sqlite3';
import type { BillingEvent, BillingItemData, TimeEntryData } from '@billing/domain';
import { billingItem, contractTerms, timeEntry } from '../../testing/billing-fixtures';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '../../testing/invoice-fixtures';
import { projectionSpec, type GivenEvent } from '../../testing/projection-spec';
import { unbilledDashboardProjection } from './unbilled-dashboard.projection';
import { queryUnbilledDashboard } from './unbilled-dashboard.query';

const on = (event: BillingEvent, streamId: string): GivenEvent => ({ event, streamId, occurredAt: '2026-11-16T09:00:00.000Z' });
const logged = (overrides: Partial<TimeEntryData> & { timeEntryId: string }) =>
  on({ type: 'TimeEntryLogged', data: timeEntry({ dateWorked: '2026-11-16', ...overrides }) }, `timeEntry-${overrides.timeEntryId}`);
const item = (data: Partial<BillingItemData>) => billingItem({ sourceType: 'TIME_ENTRY', type: 'LABOR', itemDate: '2026-11-16', ...data });

// te-blk (2 h) split by a short block: 1.5 h covered, 0.5 h overage × $140 = $70.00; te-tm 2 h × $110 = $220.00; te-open stays pending
const covered = item({
  billingItemId: 'bi-blk-a',
  sourceItemId: 'te-blk',
  contractId: 'blk',
  part: 'COVERED',
  quantity: '1.5',
  rate: '0',
  amount: '0.00',
  covered: true,
});
const overage = item({
  billingItemId: 'bi-blk-b',
  sourceItemId: 'te-blk',
  contractId: 'blk',
  type: 'LABOR_OVERAGE',
  part: 'OVERAGE',
  quantity: '0.5',
  rate: '140',
  amount: '70.00',
});
const tm = item({ billingItemId: 'bi-tm', sourceItemId: 'te-tm', contractId: 'tm', quantity: '2', rate: '110', amount: '220.00' });
const pending: GivenEvent[] = [
  on({ type: 'ContractCreated', data: contractTerms({ contractId: 'blk', type: 'BLOCK_HOURS' }) }, 'contract-blk'),
  on({ type: 'ContractCreated', data: contractTerms({ contractId: 'tm', type: 'TIME_AND_MATERIALS' }) }, 'contract-tm'),
  logged({ timeEntryId: 'te-blk', contractId: 'blk', routing: ['blk'] }),
  logged({ timeEntryId: 'te-tm', contractId: 'tm', routing: ['tm'] }),
  logged({ timeEntryId: 'te-open', contractId: 'tm', routing: ['tm'], dateWorked: '2026-11-17' }),
];
const posted = [covered, overage, tm].map((data) => on({ type: 'ItemPosted', data }, 'ledger-acme'));
const invoiced = [on(invoiceGenerated('inv-acme-1', [covered, overage, tm]), 'ledger-acme'), on(invoiceIssued('inv-acme-1', 1), 'ledger-acme')];
const ids = ['bi-blk-a', 'bi-blk-b', 'bi-tm'];

const readModel = (events: GivenEvent[]) => projectionSpec(unbilledDashboardProjection).given(events).readModel();
const view = (db: Database.Database) => {
  const { itemsJson, totalsJson, total } = queryUnbilledDashboard(db, { asOf: '2026-11-20', stuckAfterDays: 7, limit: 100, offset: 0 });
  return { items: JSON.parse(itemsJson) as { stage: string; sourceItemId: string }[], totals: JSON.parse(totalsJson), total };
};

describe('unbilled dashboard: invoicing (billing-rules §11, posted awaiting invoice)', () => {
  it('invoiced items leave the dashboard, totals included; what is not invoiced stays', async () => {
    const db = await readModel([...pending, ...posted, ...invoiced]);
    expect(view(db).items.map((i) => [i.stage, i.sourceItemId])).toEqual([['AWAITING_POSTING', 'te-open']]);
    expect(view(db).totals.byStage).toEqual({ AWAITING_POSTING: { count: 1, amount: expect.any(String) } });
    db.close();
  });

  it('a void brings them back as they were, awaiting invoice', async () => {
    const before = await readModel([...pending, ...posted]);
    const voided = await readModel([...pending, ...posted, ...invoiced, on(invoiceVoided('inv-acme-1', 1, ids), 'ledger-acme')]);
    expect(view(voided)).toEqual(view(before));
    // 70.00 + 220.00
    expect(view(voided).totals.byStage.AWAITING_INVOICE).toEqual({ count: 3, amount: '290.00' });
    before.close();
    voided.close();
  });

  it('a void and unpost brings them back awaiting Approve & Post', async () => {
    const unposted = (sourceItemId: string, billingItemIds: string[]) =>
      on({ type: 'ItemUnposted', data: { sourceItemId, sourceType: 'TIME_ENTRY', billingItemIds, returned: [], reason: 'wrong PO' } }, 'ledger-acme');
    const before = await readModel(pending);
    const voided = await readModel([
      ...pending,
      ...posted,
      ...invoiced,
      on(invoiceVoided('inv-acme-1', 1, ids, true), 'ledger-acme'),
      unposted('te-blk', ['bi-blk-a', 'bi-blk-b']),
      unposted('te-tm', ['bi-tm']),
    ]);
    expect(view(voided)).toEqual(view(before));
    before.close();
    voided.close();
  });
});
