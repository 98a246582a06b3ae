import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import { taxRegionDecider, type TaxRegionCommand } from './tax-region.decider';
import { taxRegionStream, type TaxRegionEvent, type TaxRegionRate, type TaxRegionTerms } from './tax-region.events';

const state: TaxRegionRate = { taxCategory: 'labour', name: 'State', rate: '0.04', compound: false };
const city: TaxRegionRate = { taxCategory: 'labour', name: 'City', rate: '0.04875', compound: false };
const terms = (rates: TaxRegionRate[] = [state, city]): TaxRegionTerms => ({ taxRegionId: 'nyc', name: 'New York City', rates });
const create = (rates?: TaxRegionRate[]): TaxRegionCommand => ({ type: 'CreateTaxRegion', terms: terms(rates) });
const created = (rates?: TaxRegionRate[]): TaxRegionEvent => ({ type: 'TaxRegionCreated', data: terms(rates) });

const taxRegions = deciderSpec(taxRegionDecider);

describe('tax region decider', () => {
  it.each<[string, TaxRegionEvent[], TaxRegionCommand, TaxRegionEvent[]]>([
    ['creates a region', [], create(), [created()]],
    [
      'rates in canonical form, 6 places kept',
      [],
      create([
        { ...state, rate: '0.040000' },
        { ...city, rate: '0.048750' },
      ]),
      [created()],
    ],
    [
      'a rate of 0 and the largest rate below 1',
      [],
      create([
        { ...state, rate: '0' },
        { ...city, rate: '0.999999' },
      ]),
      [
        created([
          { ...state, rate: '0' },
          { ...city, rate: '0.999999' },
        ]),
      ],
    ],
    [
      'one compound tax per category; another category may have its own',
      [],
      create([{ ...state, compound: true }, city, { taxCategory: 'goods', name: 'PST', rate: '0.07', compound: true }]),
      [created([{ ...state, compound: true }, city, { taxCategory: 'goods', name: 'PST', rate: '0.07', compound: true }])],
    ],
    ['a region without rates', [], create([]), [created([])]],
    ['the same create again decides nothing', [created()], create([{ ...state, rate: '0.0400' }, city]), []],
  ])('%s', (_name, given, when, then) => {
    taxRegions.given(given).when(when).then(then);
  });

  it('the same id with other rates is a conflict', () => {
    taxRegions
      .given([created()])
      .when(create([state]))
      .then(conflict('id-reused'));
  });

  it('two compound taxes in one category are refused (one-compound-tax)', () => {
    taxRegions
      .given([])
      .when(
        create([
          { ...state, compound: true },
          { ...city, compound: true },
        ]),
      )
      .then(rule('one-compound-tax'));
  });

  it('a tax name twice in one category is refused', () => {
    taxRegions
      .given([])
      .when(create([state, { ...state, rate: '0.05' }]))
      .then(rule('duplicate-tax-rate'));
  });

  it.each(['1', '-0.01', '0.0000001', '1e-3'])('refuses the rate %s', (rate) => {
    taxRegions
      .given([])
      .when(create([{ ...state, rate }]))
      .then(rule('invalid-decimal'));
  });

  it('names its stream taxRegion-{id}', () => {
    expect(taxRegionStream('nyc')).toBe('taxRegion-nyc');
  });
});
