import { dec } from '../shared/decimal';
import { NotFound } from '../shared/domain-errors';
import type { DrawablePurchase } from './prepaid-balance';
import { roles, workTypes } from './rating-fixtures.spec-helper';
import { consumeTicket, ticketLabourAmount } from './ticket-consumption';

function purchase(id: string, remaining: number, fields: Partial<DrawablePurchase> = {}): DrawablePurchase {
  return { id, startDate: '2026-01-01', endDate: '2026-12-31', active: true, sequence: 1, remaining: dec(remaining.toString()), ...fields };
}

const catalog = {
  role: (id: string) =>
    roles.find((r) => r.id === id) ??
    (() => {
      throw new NotFound('role', id);
    })(),
  workType: (id: string) =>
    workTypes.find((w) => w.id === id) ??
    (() => {
      throw new NotFound('workType', id);
    })(),
};

describe('consumeTicket (billing-rules §6)', () => {
  it('given purchases, then one ticket from the oldest usable purchase', () => {
    const purchases = [purchase('feb', 3, { startDate: '2026-02-01' }), purchase('jan', 1, { sequence: 2 })];
    expect(consumeTicket('2026-03-02', purchases)).toEqual({ purchaseId: 'jan', quantity: dec('1') });
  });

  it('given the oldest purchase is used up, then the next one', () => {
    const purchases = [purchase('jan', 0), purchase('feb', 3, { startDate: '2026-02-01' })];
    expect(consumeTicket('2026-03-02', purchases)?.purchaseId).toBe('feb');
  });

  it('given no purchase with a ticket left for the completion date, then null', () => {
    expect(consumeTicket('2026-03-02', [purchase('jan', 0), purchase('expired', 5, { endDate: '2026-02-28' })])).toBeNull();
  });
});

describe('ticketLabourAmount (fallback: labour at role rates with work-type modifiers)', () => {
  it('given billable and non-billable entries, then the sum of the billable amounts, unrounded', () => {
    const amount = ticketLabourAmount(
      [
        { id: 'a', roleId: 'tech', workTypeId: 'remote', hoursWorked: '1.25' }, // 1.25 h × $100 = 125
        { id: 'b', roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '0.5' }, // 0.5 h × $150 × 1.5 = 112.5
        { id: 'c', roleId: 'tech', workTypeId: 'internal', hoursWorked: '1' }, // non-billable: 0
      ],
      0,
      catalog,
    );
    expect(amount.toFixed()).toBe('237.5'); // 125 + 112.5
  });

  it('given a rounding increment, then each entry is rounded up before rating', () => {
    // 0.3 h → 0.5 h at 15 minutes × $100 = 50
    expect(ticketLabourAmount([{ id: 'a', roleId: 'tech', workTypeId: 'remote', hoursWorked: '0.3' }], 15, catalog).toFixed()).toBe('50');
  });
});
