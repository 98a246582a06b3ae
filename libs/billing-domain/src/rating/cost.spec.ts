import { dec } from '../shared/decimal';
import { apportionCost, chargeCost, labourCost } from './cost';

describe('cost (billing-rules §5)', () => {
  it.each([
    ['1.5', '40', '60.00'], // 1.5 h × $40
    ['1.3333', '45', '60.00'], // 1.3333 × 45 = 59.9985 → 60.00
    ['0.0333', '15', '0.50'], // 0.0333 × 15 = 0.4995 → 0.50 (half-up)
  ])('given %s h worked at an hourly cost of $%s, then labour cost %s', (hours, cost, expected) => {
    expect(labourCost(dec(hours), dec(cost)).toFixed(2)).toBe(expected);
  });

  it('given 3 units at a unit cost of $12.345, then 37.04 (37.035 half-up)', () => {
    expect(chargeCost(dec('3'), dec('12.345')).toFixed(2)).toBe('37.04');
  });

  it.each([
    ['120.00', '2', '3', '80.00', '40.00'], // 120 × 2/3 = 80
    ['60.00', '0.3333', '1', '20.00', '40.00'], // 60 × 0.3333 = 19.998 → 20.00; 60 − 20
    ['100.00', '1', '3', '33.33', '66.67'], // 33.333… → 33.33; the rest 66.67
    ['50.00', '0', '0', '50.00', '0.00'], // nothing to share
  ])('given a cost of %s split %s of %s hours, then %s covered and %s overage (summing to the whole)', (cost, part, whole, covered, overage) => {
    const result = apportionCost(dec(cost), dec(part), dec(whole));
    expect([result.covered.toFixed(2), result.overage.toFixed(2)]).toEqual([covered, overage]);
  });
});
