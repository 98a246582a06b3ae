import type { BillingEvent } from '@billing/domain';
import { billingItem, contractTerms } from '../../testing/billing-fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { unbilledDashboardProjection } from './unbilled-dashboard.projection';
import { queryUnbilledDashboard } from './unbilled-dashboard.query';

/** Each event on the contract's stream on the day given. */
const on = (date: string, event: BillingEvent) => ({ event, streamId: 'contract-rec', occurredAt: `${date}T09:00:00.000Z` });

// given: a recurring contract of acme with a setup fee, April accrued (40 × $30), −3 units from
// 21 April (−3 × 30 × 10 / 30 = −30.00), and a licence count of 400 held
const accrued = [
  on('2026-01-01', { type: 'ContractCreated', data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', setupFee: '500' }) }),
  on('2026-04-01', { type: 'SetupFeeAccrued', data: { contractId: 'rec', itemId: 'setup:rec', date: '2026-01-01', amount: '500.00' } }),
  on('2026-04-01', {
    type: 'ServicePeriodAccrued',
    data: {
      contractId: 'rec',
      serviceId: 'desk',
      itemId: 'svc:rec:desk:2026-04-01',
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      units: '40',
      unitPrice: '30',
      unitCost: '12',
      amount: '1200.00',
      cost: '480.00',
    },
  }),
  on('2026-04-21', {
    type: 'ServiceAdjustmentAccrued',
    data: {
      contractId: 'rec',
      serviceId: 'desk',
      itemId: 'svcadj:rec:desk:2026-04-01:1',
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      fromDate: '2026-04-21',
      unitDelta: '-3',
      unitPrice: '30',
      unitCost: '12',
      daysRemaining: 10,
      daysInPeriod: 30,
      amount: '-30.00',
      cost: '-12.00',
    },
  }),
  on('2026-04-22', {
    type: 'LicenceChangeHeld',
    data: {
      contractId: 'rec',
      serviceId: 'desk',
      exceptionId: 'lic:rec:1',
      currentUnits: '37',
      requestedUnits: '400',
      effectiveDate: '2026-04-22',
      source: 'm365',
      tolerancePercent: '20',
    },
  }),
];

const query = (db: Parameters<typeof queryUnbilledDashboard>[0]) =>
  queryUnbilledDashboard(db, { asOf: '2026-04-22', stuckAfterDays: 7, limit: 100, offset: 0 });
const itemsOf = (db: Parameters<typeof queryUnbilledDashboard>[0]) =>
  (JSON.parse(query(db).itemsJson) as { sourceItemId: string; type: string; stage: string; amount: string; coverage: string; stuck: boolean }[]).map(
    ({ sourceItemId, type, stage, amount, coverage, stuck }) => [sourceItemId, type, stage, amount, coverage, stuck],
  );

describe('the unbilled dashboard: accrued items and held licence counts (billing-rules §7, §11)', () => {
  it('shows accrued items awaiting posting at their accrued amounts, and a held count as a stuck item at 0.00', async () => {
    const db = await projectionSpec(unbilledDashboardProjection).given(accrued).readModel();
    // then: ordered by date; the setup fee (111 days old) and April (21 days) are stuck by age, the held count always
    expect(itemsOf(db)).toEqual([
      ['setup:rec', 'SETUP_FEE', 'AWAITING_POSTING', '500.00', 'billable', true],
      ['svc:rec:desk:2026-04-01', 'SERVICE_PERIOD', 'AWAITING_POSTING', '1200.00', 'billable', true],
      ['svcadj:rec:desk:2026-04-01:1', 'SERVICE_ADJUSTMENT', 'AWAITING_POSTING', '-30.00', 'billable', false],
      ['lic:rec:1', 'LICENCE_EXCEPTION', 'AWAITING_POSTING', '0.00', 'held', true],
    ]);
    // and: counted in the totals, 500 + 1,200 − 30 + 0 = 1,670.00 in 4 items
    expect(JSON.parse(query(db).totalsJson).byContract).toEqual({ rec: { count: 4, amount: '1670.00' } });
  });

  it('a decided count leaves; a posted service period moves to awaiting invoice', async () => {
    const db = await projectionSpec(unbilledDashboardProjection)
      .given([
        ...accrued,
        on('2026-04-22', { type: 'LicenceExceptionRejected', data: { contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'sync glitch' } }),
        {
          event: {
            type: 'ItemPosted',
            data: billingItem({
              billingItemId: 'bi-svc:rec:desk:2026-04-01-1',
              sourceItemId: 'svc:rec:desk:2026-04-01',
              sourceType: 'SERVICE_PERIOD',
              type: 'SERVICE_PERIOD',
              contractId: 'rec',
              itemDate: '2026-04-01',
              quantity: '40',
              rate: '30',
              amount: '1200.00',
            }),
          },
          streamId: 'ledger-acme',
        },
      ])
      .readModel();
    expect(itemsOf(db)).toEqual([
      ['setup:rec', 'SETUP_FEE', 'AWAITING_POSTING', '500.00', 'billable', true],
      ['svc:rec:desk:2026-04-01', 'SERVICE_PERIOD', 'AWAITING_INVOICE', '1200.00', 'billable', true],
      ['svcadj:rec:desk:2026-04-01:1', 'SERVICE_ADJUSTMENT', 'AWAITING_POSTING', '-30.00', 'billable', false],
    ]);
  });
});
