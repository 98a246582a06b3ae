import type { BillingEvent, BillingItemData, ServiceAdjustmentAccruedData, ServicePeriodAccruedData } from '@billing/domain';
import { billingItem, contractTerms } from '../../testing/billing-fixtures';
import { projectionSpec, type GivenEvent } from '../../testing/projection-spec';
import { contractBalancesProjection } from './contract-balances.projection';
import { findContractBalance } from './contract-balances.query';

const onStream = (event: BillingEvent): GivenEvent => ({
  event,
  streamId: event.type === 'ItemPosted' || event.type === 'ItemUnposted' ? 'ledger-acme' : 'contract-rec',
});
const given = (events: BillingEvent[]) => projectionSpec(contractBalancesProjection).given(events.map(onStream));

const period = (start: string, end: string, overrides: Partial<ServicePeriodAccruedData> = {}): BillingEvent => ({
  type: 'ServicePeriodAccrued',
  data: {
    contractId: 'rec',
    serviceId: 'desk',
    itemId: `svc:rec:desk:${start}`,
    periodStart: start,
    periodEnd: end,
    units: '40',
    unitPrice: '31.99',
    unitCost: '10',
    amount: '1279.60',
    cost: '400.00',
    ...overrides,
  },
});
const adjustment = (overrides: Partial<ServiceAdjustmentAccruedData> = {}): BillingEvent => ({
  type: 'ServiceAdjustmentAccrued',
  data: {
    contractId: 'rec',
    serviceId: 'desk',
    itemId: 'svcadj:rec:desk:2026-02-01:1',
    periodStart: '2026-02-01',
    periodEnd: '2026-02-28',
    fromDate: '2026-02-15',
    unitDelta: '2',
    unitPrice: '31.99',
    unitCost: '10',
    daysRemaining: 14,
    daysInPeriod: 28,
    // 2 × 31.99 × 14 / 28 = 31.99
    amount: '31.99',
    cost: '10.00',
    ...overrides,
  },
});
const posted = (sourceItemId: string, data: Partial<BillingItemData>): BillingEvent => ({
  type: 'ItemPosted',
  data: billingItem({ billingItemId: `bi-${sourceItemId}-1`, sourceItemId, contractId: 'rec', ...data }),
});

// a monthly contract with desktops (40 × $31.99) and backup (10 × $5), January and February accrued,
// two more desktops from 15 February; January's desktops and February's adjustment posted
const events: BillingEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY' }) },
  {
    type: 'ServiceAdded',
    data: { contractId: 'rec', serviceId: 'desk', name: 'Managed desktop', units: '40', unitPrice: '31.99', unitCost: '10', billingCodeId: null },
  },
  { type: 'ServiceAdded', data: { contractId: 'rec', serviceId: 'backup', name: 'Backup', units: '10', unitPrice: '5', unitCost: '0', billingCodeId: null } },
  period('2026-01-01', '2026-01-31'),
  period('2026-01-01', '2026-01-31', { serviceId: 'backup', itemId: 'svc:rec:backup:2026-01-01', units: '10', unitPrice: '5', amount: '50.00' }),
  period('2026-02-01', '2026-02-28'),
  period('2026-02-01', '2026-02-28', { serviceId: 'backup', itemId: 'svc:rec:backup:2026-02-01', units: '10', unitPrice: '5', amount: '50.00' }),
  adjustment(),
  posted('svc:rec:desk:2026-01-01', { sourceType: 'SERVICE_PERIOD', type: 'SERVICE_PERIOD', amount: '1279.60' }),
  posted('svcadj:rec:desk:2026-02-01:1', { sourceType: 'SERVICE_ADJUSTMENT', type: 'SERVICE_ADJUSTMENT', amount: '31.99' }),
];

describe('contract balances of a recurring contract (billing-rules §11: units and revenue per period)', () => {
  it('shows each service, each accrued period with its units, money, adjustments and whether posted', async () => {
    const db = await given(events).readModel();
    const balance = findContractBalance(db, 'rec');
    expect(balance).toMatchObject({ contractId: 'rec', type: 'RECURRING_SERVICE', purchases: [], overage: '0.00' });
    expect(balance?.services).toEqual([
      {
        serviceId: 'desk',
        name: 'Managed desktop',
        periods: [
          {
            itemId: 'svc:rec:desk:2026-01-01',
            periodStart: '2026-01-01',
            periodEnd: '2026-01-31',
            units: '40',
            amount: '1279.60',
            posted: true,
            adjustments: [],
            accrued: '1279.60',
            postedAmount: '1279.60',
          },
          {
            itemId: 'svc:rec:desk:2026-02-01',
            periodStart: '2026-02-01',
            periodEnd: '2026-02-28',
            units: '40',
            amount: '1279.60',
            posted: false,
            adjustments: [{ itemId: 'svcadj:rec:desk:2026-02-01:1', fromDate: '2026-02-15', unitDelta: '2', amount: '31.99', posted: true }],
            // 1,279.60 + 31.99
            accrued: '1311.59',
            postedAmount: '31.99',
          },
        ],
        // 1,279.60 + 1,311.59; posted 1,279.60 + 31.99
        accrued: '2591.19',
        posted: '1311.59',
      },
      {
        serviceId: 'backup',
        name: 'Backup',
        periods: [
          expect.objectContaining({ periodStart: '2026-01-01', units: '10', amount: '50.00', posted: false, accrued: '50.00', postedAmount: '0.00' }),
          expect.objectContaining({ periodStart: '2026-02-01', units: '10', amount: '50.00', posted: false, accrued: '50.00', postedAmount: '0.00' }),
        ],
        accrued: '100.00',
        posted: '0.00',
      },
    ]);
    db.close();
  });

  it('an unposted period shows as not posted again', async () => {
    const unposted: BillingEvent = {
      type: 'ItemUnposted',
      data: {
        sourceItemId: 'svc:rec:desk:2026-01-01',
        sourceType: 'SERVICE_PERIOD',
        billingItemIds: ['bi-svc:rec:desk:2026-01-01-1'],
        returned: [],
        reason: 'wrong month',
      },
    };
    const db = await given([...events, unposted]).readModel();
    expect(findContractBalance(db, 'rec')?.services?.[0]).toMatchObject({
      periods: [{ periodStart: '2026-01-01', posted: false, postedAmount: '0.00' }, { periodStart: '2026-02-01' }],
      posted: '31.99',
    });
    db.close();
  });

  it('other contract types have no services in their balance', async () => {
    await given([{ type: 'ContractCreated', data: contractTerms({ contractId: 'tm' }) }]).then((db) => findContractBalance(db, 'tm'), {
      contractId: 'tm',
      type: 'TIME_AND_MATERIALS',
      purchases: [],
      purchased: '0',
      used: '0',
      remaining: '0',
      overage: '0.00',
    });
  });
});
