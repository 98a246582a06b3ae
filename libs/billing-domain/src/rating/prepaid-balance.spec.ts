import { dec } from '../shared/decimal';
import { type DrawablePurchase, drawInOrder, splitQuantity, usablePurchases } from './prepaid-balance';

function purchase(id: string, remaining: string, fields: Partial<DrawablePurchase> = {}): DrawablePurchase {
  return { id, startDate: '2026-01-01', endDate: '2026-12-31', active: true, sequence: 1, remaining: dec(remaining), ...fields };
}

describe('usablePurchases', () => {
  it('given purchases, then the active ones covering the date with something left, oldest start, then sequence, then id', () => {
    const purchases = [
      purchase('later', '1', { startDate: '2026-02-01' }),
      purchase('seq-2', '1', { sequence: 2 }),
      purchase('seq-1-b', '1'),
      purchase('seq-1-a', '1'),
      purchase('empty', '0'),
      purchase('inactive', '1', { active: false }),
      purchase('ended', '1', { endDate: '2026-03-01' }),
    ];
    expect(usablePurchases(purchases, '2026-03-02').map((p) => p.id)).toEqual(['seq-1-a', 'seq-1-b', 'seq-2', 'later']);
  });
});

describe('drawInOrder', () => {
  it.each([
    [
      '2.5',
      [
        ['a', '1'],
        ['b', '1.5'],
      ],
      '2.5',
      '0',
    ], // a to zero, then 1.5 of b
    [
      '5',
      [
        ['a', '1'],
        ['b', '2'],
      ],
      '3',
      '2',
    ], // both to zero, 2 short
    ['0', [], '0', '0'], // nothing needed
  ])('given %s needed from a (1 left) then b (2 left), then draws %j, drawn %s, short %s', (needed, draws, drawn, shortfall) => {
    const result = drawInOrder([purchase('a', '1'), purchase('b', '2')], dec(needed));
    expect(result.draws.map((d) => [d.purchaseId, d.quantity.toFixed()])).toEqual(draws);
    expect([result.drawn.toFixed(), result.shortfall.toFixed()]).toEqual([drawn, shortfall]);
  });
});

describe('splitQuantity', () => {
  it.each([
    ['1', '0.33333', '0.3333', '0.6667'], // half-up to 4 places, the rest to overage
    ['1', '0.66665', '0.6667', '0.3333'], // .00005 rounds up
    ['2', '2.00004', '2', '0'], // never more than the whole
  ])('given %s split at %s, then %s covered and %s overage', (whole, covered, expectedCovered, expectedOverage) => {
    const split = splitQuantity(dec(whole), dec(covered));
    expect([split.covered.toFixed(), split.overage.toFixed()]).toEqual([expectedCovered, expectedOverage]);
  });
});
