import { deciderSpec, notFound, rule } from '../testing/decider-spec';
import { activeAccount, namedContract } from '../testing/fixtures';
import { recordedItemSpec } from '../testing/recorded-item-spec';
import { chargeDecider, type ChargeCommand, type RecordCharge } from './charge.decider';
import { chargeStream, type ChargeData, type ChargeEvent, type ChargeState } from './charge.events';

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
  resourceId: null,
  ...overrides,
});

const record = (data: Partial<ChargeData> = {}, command: Partial<Omit<RecordCharge, 'type' | 'charge'>> = {}): ChargeCommand => ({
  type: 'RecordCharge',
  charge: charge(data),
  // acme, a child of group
  account: activeAccount({ parentAccountId: 'group' }),
  contract: namedContract(),
  billingCodeExists: true,
  ...command,
});
const recorded = (data: Partial<ChargeData> = {}): ChargeEvent => ({ type: 'ChargeRecorded', data: charge(data) });

const charges = deciderSpec(chargeDecider);

describe('charge decider (billing-rules §8)', () => {
  it('names its stream charge-{id}', () => {
    expect(chargeStream('c1')).toBe('charge-c1');
  });

  recordedItemSpec({
    noun: 'charge',
    itemId: 'c1',
    decider: chargeDecider,
    record,
    recorded,
    stateWith: (approval): ChargeState => ({ status: 'recorded', charge: charge(), approval }),
    recordingOtherDetails: [record({ quantity: '3' }), record({ purchaseOrderNumber: 'PO-8' }), record({ unitPrice: '99' })],
    approvedAmount: '250',
  });

  it('quantity × unitPrice is at most 999999999999.99 either way (amount-too-large); the bound itself is recorded', () => {
    // 999999999999999 × 999999999999999 ≈ 10^30
    charges
      .given([])
      .when(record({ quantity: '999999999999999', unitPrice: '999999999999999' }))
      .then(rule('amount-too-large'));
    // 1 × −1,000,000,000,000
    charges
      .given([])
      .when(record({ quantity: '1', unitPrice: '-1000000000000' }))
      .then(rule('amount-too-large'));
    // 10 × 99,999,999,999.999 = 999,999,999,999.99
    charges
      .given([])
      .when(record({ quantity: '10', unitPrice: '99999999999.999' }))
      .then([recorded({ quantity: '10', unitPrice: '99999999999.999' })]);
  });

  it('its billing code must exist; a charge without one needs none', () => {
    charges
      .given([])
      .when(record({}, { billingCodeExists: false }))
      .then(notFound('billing code', 'hw'));
    charges
      .given([])
      .when(record({ billingCodeId: null }, { billingCodeExists: false }))
      .then([recorded({ billingCodeId: null })]);
  });
});
