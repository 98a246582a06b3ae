import { dec } from '../shared/decimal';
import { taxFor, taxRatesFor } from './tax';
import type { BillToTaxContext, TaxRate } from './rating-inputs';

const gst: TaxRate = { name: 'GST', rate: '0.05', compound: false };
const pst: TaxRate = { name: 'PST', rate: '0.07', compound: false };
const qst: TaxRate = { name: 'QST', rate: '0.09975', compound: true };

describe('taxFor (billing-rules §10)', () => {
  it.each<[string, string, TaxRate[], string]>([
    ['one simple tax', '237.50', [gst], '11.88'], // 237.50 × 0.05 = 11.875 → 11.88 (half-up)
    ['two simple taxes', '100.00', [gst, pst], '12.00'], // 5 + 7
    ['a compound tax on amount + simple taxes', '237.50', [gst, qst], '36.75'], // 11.875 + (237.50 + 11.875) × 0.09975 = 11.875 + 24.87515625 = 36.75015625 → 36.75
    ['a compound tax listed first', '237.50', [qst, gst], '36.75'], // order does not matter
    ['a compound tax alone', '100.00', [qst], '9.98'], // 100 × 0.09975 = 9.975 → 9.98
    ['exactly half a cent', '100.10', [gst], '5.01'], // 100.10 × 0.05 = 5.005 → 5.01 (half-up, not half-even)
    ['no rates (untaxed category)', '100.00', [], '0.00'],
  ])('given %s on %s, then %s', (_, amount, rates, expected) => {
    expect(taxFor(dec(amount), { taxExempt: false, rates }).toFixed(2)).toBe(expected);
  });

  it('given a tax-exempt bill-to account, then 0.00', () => {
    expect(taxFor(dec('100'), { taxExempt: true, rates: [gst, qst] }).toFixed(2)).toBe('0.00');
  });

  it('given two compound taxes, then multiple-compound-taxes', () => {
    expect(() => taxFor(dec('100'), { taxExempt: false, rates: [qst, { ...qst, name: 'other' }] })).toThrow(
      expect.objectContaining({ rule: 'multiple-compound-taxes' }),
    );
  });
});

describe('taxRatesFor', () => {
  const billTo: BillToTaxContext = { taxExempt: false, region: { id: 'qc', ratesByCategory: { services: [gst, qst] } } };

  it.each<[string, BillToTaxContext, string | null, TaxRate[]]>([
    ['the category of the region', billTo, 'services', [gst, qst]],
    ['a category the region does not tax', billTo, 'food', []],
    ['an item without a category', billTo, null, []],
    ['an account without a region', { taxExempt: false, region: null }, 'services', []],
    ['a category named like an Object property', billTo, 'constructor', []],
  ])('given %s, then %j', (_, context, category, rates) => {
    expect(taxRatesFor(context, category)).toEqual(rates);
  });
});
