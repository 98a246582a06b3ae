import {
  evolveContract,
  initialContractState,
  type BillingEvent,
  type BillingItemData,
  type ContractEvent,
  type ItemDraw,
  type ServiceAdjustmentAccruedData,
  type ServicePeriodAccruedData,
} from '@billing/domain';
import { findContractBalance } from '@billing/projections';
import { contractBalancesProjection } from '@billing/projections/read-models/ledger/contract-balances.projection';
import { billingItem, contractTerms } from '@billing/projections/testing/billing-fixtures';
import { projectionSpec } from '@billing/projections/testing/projection-spec';
import { emptyLedgerFold, foldLedgerEvent } from '../as-of/ledger-fold';
import { recordedEvents } from '../as-of/recorded-events.spec-helper';
import { contractBalanceAsOf } from './contract-balance-as-of';

/*
 * The as-of balance must answer what GET /api/contracts/:id/balance answered at the same point.
 * Each history below is cut after every one of its events; at each cut the contract-balances read
 * model (fed by the real projection runner) and the replay with the domain's `evolve` must agree.
 */

const isLedgerEvent = (event: BillingEvent) => ['ItemPosted', 'ItemUnposted', 'InvoiceGenerated', 'InvoiceIssued', 'InvoiceVoided'].includes(event.type);
const streamOf = (event: BillingEvent) => (isLedgerEvent(event) ? 'ledger-acme' : `contract-${(event.data as { contractId: string }).contractId}`);

async function readModelAnswer(events: BillingEvent[], contractId: string) {
  const db = await projectionSpec(contractBalancesProjection)
    .given(events.map((event) => ({ event, streamId: streamOf(event) })))
    .readModel();
  try {
    return findContractBalance(db, contractId);
  } finally {
    db.close();
  }
}

function replayAnswer(events: BillingEvent[], contractId: string) {
  const recorded = recordedEvents(events.map((event) => ({ event, streamId: streamOf(event) })));
  const contract = recorded
    .filter((e) => e.streamId === `contract-${contractId}`)
    .reduce((state, e) => evolveContract(state, { type: e.type, data: e.data } as ContractEvent), initialContractState());
  const ledger = recorded.filter((e) => e.streamId === 'ledger-acme').reduce(foldLedgerEvent, emptyLedgerFold());
  return contract.status === 'exists' ? contractBalanceAsOf(contract, [ledger]) : undefined;
}

async function expectAgreementAtEveryCut(events: BillingEvent[], contractId: string) {
  for (let cut = 0; cut <= events.length; cut++) {
    const prefix = events.slice(0, cut);
    const [live, replayed] = [await readModelAnswer(prefix, contractId), replayAnswer(prefix, contractId)];
    expect({ cut, balance: replayed }).toEqual({ cut, balance: live });
  }
}

const hours = (purchaseId: string, quantity: string): ItemDraw => ({ purchaseId, kind: 'hours', quantity });
const posted = (data: Partial<BillingItemData>): BillingEvent => ({ type: 'ItemPosted', data: billingItem(data) });
const unposted = (sourceItemId: string, billingItemIds: string[], returned: ItemDraw[]): BillingEvent => ({
  type: 'ItemUnposted',
  data: { sourceItemId, sourceType: 'TIME_ENTRY', billingItemIds, returned, reason: 'wrong block' },
});
const purchase = { sequence: 1, purchasedAt: '2026-01-02T00:00:00.000Z', billingCodeId: null };

describe('a contract balance replayed as of a point agrees with the read model at that point', () => {
  it('Block Hours: two blocks bought out of date order, covered and overage labour, an unpost and a repost', async () => {
    // given the history below / when it is cut after each event / then both answers are equal
    await expectAgreementAtEveryCut(
      [
        { type: 'ContractCreated', data: contractTerms({ contractId: 'blk', type: 'BLOCK_HOURS', overageRate: '140' }) },
        {
          type: 'BlockPurchased',
          data: { ...purchase, contractId: 'blk', purchaseId: 'b1', startDate: '2026-11-01', endDate: '2026-11-30', hours: '10', hourlyRate: '100' },
        },
        {
          type: 'BlockPurchased',
          data: {
            ...purchase,
            contractId: 'blk',
            purchaseId: 'b2',
            sequence: 2,
            startDate: '2026-10-01',
            endDate: '2026-12-31',
            hours: '2.5',
            hourlyRate: '100',
          },
        },
        posted({ billingItemId: 'bi-b1-1', sourceItemId: 'b1', sourceType: 'BLOCK_PURCHASE', type: 'BLOCK_PURCHASE', contractId: 'blk', amount: '1000.00' }),
        // te-1 draws b2 (the older start) dry, then 7.25 h of b1; te-2 takes the last 2.75 h and runs short
        posted({
          billingItemId: 'bi-te-1-1',
          sourceItemId: 'te-1',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR',
          part: 'WHOLE',
          contractId: 'blk',
          covered: true,
          amount: '0.00',
          draws: [hours('b2', '2.5'), hours('b1', '7.25')],
        }),
        posted({
          billingItemId: 'bi-te-2-1',
          sourceItemId: 'te-2',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR',
          part: 'COVERED',
          contractId: 'blk',
          covered: true,
          amount: '0.00',
          draws: [hours('b1', '2.75')],
        }),
        posted({
          billingItemId: 'bi-te-2-2',
          sourceItemId: 'te-2',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR_OVERAGE',
          part: 'OVERAGE',
          contractId: 'blk',
          rate: '140',
          amount: '175.00',
        }),
        // overage on another contract is not this one's
        posted({
          billingItemId: 'bi-te-9-1',
          sourceItemId: 'te-9',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR_OVERAGE',
          part: 'OVERAGE',
          contractId: 'other',
          amount: '99.00',
        }),
        unposted('te-2', ['bi-te-2-1', 'bi-te-2-2'], [hours('b1', '2.75')]),
        posted({
          billingItemId: 'bi-te-2-3',
          sourceItemId: 'te-2',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR',
          part: 'COVERED',
          contractId: 'blk',
          covered: true,
          amount: '0.00',
          draws: [hours('b1', '2.75')],
        }),
        posted({
          billingItemId: 'bi-te-2-4',
          sourceItemId: 'te-2',
          sourceType: 'TIME_ENTRY',
          type: 'LABOR_OVERAGE',
          part: 'OVERAGE',
          contractId: 'blk',
          rate: '150',
          amount: '187.50',
        }),
      ],
      'blk',
    );
  });

  it('Retainer: money drawn with a shortfall; another contract on the same ledger counts for nothing', async () => {
    // given the history below / when it is cut after each event / then both answers are equal
    await expectAgreementAtEveryCut(
      [
        { type: 'ContractCreated', data: contractTerms({ contractId: 'ret', type: 'RETAINER' }) },
        {
          type: 'RetainerPurchased',
          data: { ...purchase, contractId: 'ret', purchaseId: 'r1', startDate: '2026-01-01', endDate: '2026-12-31', amount: '500' },
        },
        posted({
          billingItemId: 'bi-te-1-1',
          sourceItemId: 'te-1',
          type: 'LABOR',
          part: 'COVERED',
          contractId: 'ret',
          covered: true,
          draws: [{ purchaseId: 'r1', kind: 'money', quantity: '500' }],
        }),
        posted({ billingItemId: 'bi-te-1-2', sourceItemId: 'te-1', type: 'LABOR_OVERAGE', part: 'OVERAGE', contractId: 'ret', amount: '160.00' }),
        { type: 'ContractCreated', data: contractTerms({ contractId: 'tix', type: 'PER_TICKET', overageRate: '90' }) },
        {
          type: 'TicketsPurchased',
          data: { ...purchase, contractId: 'tix', purchaseId: 't1', startDate: '2026-01-01', endDate: '2026-12-31', tickets: 2, perTicketRate: '80' },
        },
        posted({
          billingItemId: 'bi-k1-1',
          sourceItemId: 'ticket:k1',
          sourceType: 'TICKET',
          type: 'TICKET',
          contractId: 'tix',
          covered: true,
          amount: '0.00',
          draws: [{ purchaseId: 't1', kind: 'tickets', quantity: '1' }],
        }),
        posted({
          billingItemId: 'bi-k2-1',
          sourceItemId: 'ticket:k2',
          sourceType: 'TICKET',
          type: 'TICKET',
          contractId: 'tix',
          covered: false,
          amount: '90.00',
        }),
      ],
      'ret',
    );
  });

  it('Per Ticket: a ticket beyond the purchases is overage', async () => {
    // given the history below / when it is cut after each event / then both answers are equal
    await expectAgreementAtEveryCut(
      [
        { type: 'ContractCreated', data: contractTerms({ contractId: 'tix', type: 'PER_TICKET', overageRate: '90' }) },
        {
          type: 'TicketsPurchased',
          data: { ...purchase, contractId: 'tix', purchaseId: 't1', startDate: '2026-01-01', endDate: '2026-12-31', tickets: 2, perTicketRate: '80' },
        },
        posted({
          billingItemId: 'bi-k1-1',
          sourceItemId: 'ticket:k1',
          sourceType: 'TICKET',
          type: 'TICKET',
          contractId: 'tix',
          covered: true,
          amount: '0.00',
          draws: [{ purchaseId: 't1', kind: 'tickets', quantity: '1' }],
        }),
        posted({
          billingItemId: 'bi-k2-1',
          sourceItemId: 'ticket:k2',
          sourceType: 'TICKET',
          type: 'TICKET',
          contractId: 'tix',
          covered: false,
          amount: '90.00',
        }),
      ],
      'tix',
    );
  });

  it('Recurring Service: services, accrued periods and an adjustment, posted and unposted', async () => {
    const period = (serviceId: string, start: string, end: string, overrides: Partial<ServicePeriodAccruedData> = {}): BillingEvent => ({
      type: 'ServicePeriodAccrued',
      data: {
        contractId: 'rec',
        serviceId,
        itemId: `svc:rec:${serviceId}:${start}`,
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
    const adjustment: ServiceAdjustmentAccruedData = {
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
      amount: '31.99',
      cost: '10.00',
    };
    const postedService = (itemId: string, sourceType: 'SERVICE_PERIOD' | 'SERVICE_ADJUSTMENT', amount: string) =>
      posted({ billingItemId: `bi-${itemId}-1`, sourceItemId: itemId, sourceType, type: sourceType, contractId: 'rec', amount });
    // given the history below / when it is cut after each event / then both answers are equal
    await expectAgreementAtEveryCut(
      [
        { type: 'ContractCreated', data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY' }) },
        {
          type: 'ServiceAdded',
          data: { contractId: 'rec', serviceId: 'desk', name: 'Managed desktop', units: '40', unitPrice: '31.99', unitCost: '10', billingCodeId: null },
        },
        {
          type: 'ServiceAdded',
          data: { contractId: 'rec', serviceId: 'backup', name: 'Backup', units: '10', unitPrice: '5', unitCost: '0', billingCodeId: null },
        },
        // February accrued before January: periods are listed by start
        period('desk', '2026-02-01', '2026-02-28'),
        period('desk', '2026-01-01', '2026-01-31'),
        period('backup', '2026-01-01', '2026-01-31', { units: '10', unitPrice: '5', amount: '50.00' }),
        { type: 'ServiceAdjustmentAccrued', data: adjustment },
        { type: 'SetupFeeAccrued', data: { contractId: 'rec', itemId: 'setup:rec', date: '2026-01-01', amount: '250.00' } },
        postedService('svc:rec:desk:2026-01-01', 'SERVICE_PERIOD', '1279.60'),
        postedService('svcadj:rec:desk:2026-02-01:1', 'SERVICE_ADJUSTMENT', '31.99'),
        {
          type: 'ItemUnposted',
          data: {
            sourceItemId: 'svc:rec:desk:2026-01-01',
            sourceType: 'SERVICE_PERIOD',
            billingItemIds: ['bi-svc:rec:desk:2026-01-01-1'],
            returned: [],
            reason: 'wrong month',
          },
        },
      ],
      'rec',
    );
  });

  it('Block Hours, worked by hand: the replay answers each purchase used, what remains and the overage', () => {
    // given: b2 2.5 h (from 1 Oct) and b1 10 h; te-1 drew 2.5 + 7.25, te-2 2.75 (after its repost); overage 187.50
    // when
    const answer = replayAnswer(
      [
        { type: 'ContractCreated', data: contractTerms({ contractId: 'blk', type: 'BLOCK_HOURS', overageRate: '140' }) },
        {
          type: 'BlockPurchased',
          data: { ...purchase, contractId: 'blk', purchaseId: 'b1', startDate: '2026-11-01', endDate: '2026-11-30', hours: '10', hourlyRate: '100' },
        },
        {
          type: 'BlockPurchased',
          data: {
            ...purchase,
            contractId: 'blk',
            purchaseId: 'b2',
            sequence: 2,
            startDate: '2026-10-01',
            endDate: '2026-12-31',
            hours: '2.5',
            hourlyRate: '100',
          },
        },
        posted({
          billingItemId: 'bi-te-1-1',
          sourceItemId: 'te-1',
          contractId: 'blk',
          covered: true,
          amount: '0.00',
          draws: [hours('b2', '2.5'), hours('b1', '7.25')],
        }),
        posted({ billingItemId: 'bi-te-2-3', sourceItemId: 'te-2', contractId: 'blk', covered: true, amount: '0.00', draws: [hours('b1', '2.75')] }),
        posted({ billingItemId: 'bi-te-2-4', sourceItemId: 'te-2', type: 'LABOR_OVERAGE', part: 'OVERAGE', contractId: 'blk', amount: '187.50' }),
      ],
      'blk',
    );
    // then
    expect(answer).toEqual({
      contractId: 'blk',
      type: 'BLOCK_HOURS',
      purchases: [
        { id: 'b2', kind: 'BLOCK', purchased: '2.5', used: '2.5', remaining: '0', startDate: '2026-10-01', endDate: '2026-12-31' },
        { id: 'b1', kind: 'BLOCK', purchased: '10', used: '10', remaining: '0', startDate: '2026-11-01', endDate: '2026-11-30' },
      ],
      purchased: '12.5',
      used: '12.5',
      remaining: '0',
      overage: '187.50',
    });
  });
});
