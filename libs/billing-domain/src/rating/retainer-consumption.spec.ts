import { dec } from '../shared/decimal';
import type { DrawablePurchase } from './prepaid-balance';
import { consumeRetainer } from './retainer-consumption';

function purchase(id: string, remaining: string, fields: Partial<DrawablePurchase> = {}): DrawablePurchase {
  return { id, startDate: '2026-01-01', endDate: '2026-12-31', active: true, sequence: 1, remaining: dec(remaining), ...fields };
}

function consume(amount: string, quantity: string, purchases: DrawablePurchase[], itemDate = '2026-03-02') {
  const r = consumeRetainer({ amount: dec(amount), quantity: dec(quantity), itemDate, purchases });
  return {
    draws: r.draws.map((d) => [d.purchaseId, d.quantity.toFixed()]),
    drawn: r.drawn.toFixed(),
    shortfall: r.shortfall.toFixed(),
    covered: r.coveredQuantity.toFixed(),
    overage: r.overageQuantity.toFixed(),
  };
}

describe('consumeRetainer (billing-rules §6)', () => {
  it('given enough money in the oldest purchase, then it pays the whole amount', () => {
    expect(consume('180', '1.5', [purchase('r1', '500')])).toEqual({ draws: [['r1', '180']], drawn: '180', shortfall: '0', covered: '1.5', overage: '0' });
  });

  it('given an oldest purchase that runs out, then the rest spills to the next', () => {
    const purchases = [purchase('r2', '300', { startDate: '2026-02-01' }), purchase('r1', '100', { startDate: '2026-01-01', sequence: 2 })];
    // $180: r1 (older start) gives 100, r2 gives 80
    expect(consume('180', '1.5', purchases).draws).toEqual([
      ['r1', '100'],
      ['r2', '80'],
    ]);
  });

  it('given too little money, then the shortfall is overage and the quantity is shared in proportion', () => {
    // $360 for 2 h, $220 left: shortfall 140; covered 2 × 220 ÷ 360 = 1.2222…→ 1.2222 h, overage 0.7778 h
    expect(consume('360', '2', [purchase('r', '220')])).toEqual({
      draws: [['r', '220']],
      drawn: '220',
      shortfall: '140',
      covered: '1.2222',
      overage: '0.7778',
    });
  });

  it('given purchases outside the item date or inactive, then they are skipped', () => {
    const purchases = [
      purchase('expired', '500', { endDate: '2026-02-28' }),
      purchase('inactive', '500', { active: false }),
      purchase('future', '500', { startDate: '2026-04-01' }),
    ];
    expect(consume('50', '1', purchases)).toEqual({ draws: [], drawn: '0', shortfall: '50', covered: '0', overage: '1' });
  });

  it('given an amount of zero, then nothing is drawn', () => {
    expect(consume('0', '1', [purchase('r', '500')]).draws).toEqual([]);
  });
});
