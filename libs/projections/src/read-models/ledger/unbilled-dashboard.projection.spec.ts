import type Database from 'better-sqlite3';
import type { ChargeRecorded } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { unbilledDashboardProjection } from './unbilled-dashboard.projection';
import { queryUnbilledDashboard } from './unbilled-dashboard.query';

describe('the unbilled dashboard query', () => {
  // given: two charges, one on a contract and one on none, and a third of another account
  const charge = (chargeId: string, contractId: string | null, date: string, quantity: string, unitPrice: string, accountId = 'acme') => ({
    event: {
      type: 'ChargeRecorded',
      data: {
        chargeId,
        accountId,
        contractId,
        billingCodeId: null,
        name: chargeId,
        date,
        quantity,
        unitPrice,
        unitCost: '0',
        billable: true,
        purchaseOrderNumber: null,
        resourceId: null,
      },
    } satisfies ChargeRecorded,
    streamId: `charge-${chargeId}`,
    occurredAt: `${date}T09:00:00.000Z`,
  });
  let db: Database.Database;
  beforeAll(async () => {
    db = await projectionSpec(unbilledDashboardProjection)
      .given([
        charge('c-1', 'acme-tm', '2026-11-01', '2', '10.5'), // 2 × $10.50 = $21.00
        charge('c-2', null, '2026-11-20', '1', '-5'), // a credit of $5.00, on no contract
        charge('c-3', 'globex-tm', '2026-11-25', '4', '25', 'globex'), // 4 × $25.00 = $100.00
      ])
      .readModel();
  });
  const query = (filter: object) => queryUnbilledDashboard(db, { asOf: '2026-11-30', stuckAfterDays: 7, limit: 100, offset: 0, ...filter });

  it('writes each item’s age, bucket and stuck flag for the day asked', () => {
    const items = JSON.parse(query({ accountId: 'acme' }).itemsJson) as {
      sourceItemId: string;
      amount: string;
      ageDays: number;
      ageBucket: string;
      stuck: boolean;
    }[];
    // 2026-11-01 → 2026-11-30: 29 days; 2026-11-20 → 10 days
    expect(items.map((i) => [i.sourceItemId, i.amount, i.ageDays, i.ageBucket, i.stuck])).toEqual([
      ['c-1', '21.00', 29, '8-30', true],
      ['c-2', '-5.00', 10, '8-30', true],
    ]);
    // asked before the items' dates: age 0, not stuck
    const early = JSON.parse(query({ accountId: 'acme', asOf: '2026-10-01' }).itemsJson) as { ageDays: number; ageBucket: string; stuck: boolean }[];
    expect(early.map((i) => [i.ageDays, i.ageBucket, i.stuck])).toEqual([
      [0, '0-7', false],
      [0, '0-7', false],
    ]);
  });

  it('totals by account, contract (none shown as "(none)") and stage, from the totals table and from a scan alike', () => {
    // 21.00 − 5.00 = 16.00
    const expected = {
      byAccount: { acme: { count: 2, amount: '16.00' } },
      byContract: { '(none)': { count: 1, amount: '-5.00' }, 'acme-tm': { count: 1, amount: '21.00' } },
      byStage: { AWAITING_POSTING: { count: 2, amount: '16.00' } },
    };
    const fromTable = query({ accountId: 'acme' });
    expect(JSON.parse(fromTable.totalsJson)).toEqual(expected);
    expect(fromTable.total).toBe(2);
    const scanned = query({ accountId: 'acme', from: '2026-01-01' });
    expect(JSON.parse(scanned.totalsJson)).toEqual(expected);
    expect(JSON.parse(query({ accountId: 'nobody' }).totalsJson)).toEqual({ byAccount: {}, byContract: {}, byStage: {} });
    expect(query({ accountId: 'nobody' })).toMatchObject({ itemsJson: '[]', total: 0 });
  });

  it('filters by account and by contract, the totals following the filter', () => {
    const ids = (filter: object) => (JSON.parse(query(filter).itemsJson) as { sourceItemId: string }[]).map((i) => i.sourceItemId);
    expect(ids({})).toEqual(['c-1', 'c-2', 'c-3']);
    expect(ids({ accountId: 'globex' })).toEqual(['c-3']);
    expect(ids({ contractId: 'acme-tm' })).toEqual(['c-1']);
    expect(JSON.parse(query({ contractId: 'globex-tm' }).totalsJson)).toEqual({
      byAccount: { globex: { count: 1, amount: '100.00' } },
      byContract: { 'globex-tm': { count: 1, amount: '100.00' } },
      byStage: { AWAITING_POSTING: { count: 1, amount: '100.00' } },
    });
    // all accounts: 21.00 − 5.00 + 100.00 = 116.00
    expect(JSON.parse(query({}).totalsJson).byStage).toEqual({ AWAITING_POSTING: { count: 3, amount: '116.00' } });
  });
});
