import { RuleViolation } from '../shared/domain-errors';
import { canonicalDecimal } from './catalog-decimal';
import type { TaxRegionTerms } from './tax-region.events';

export const TAX_RATE_MAX_PLACES = 6;

/** The terms in canonical form; refuses rates out of bounds, two compound taxes in a category, a name twice. */
export function canonicalTaxRegionTerms(terms: TaxRegionTerms): TaxRegionTerms {
  const rates = terms.rates.map((r, i) => ({
    taxCategory: r.taxCategory,
    name: r.name,
    rate: canonicalDecimal(r.rate, `rates.${i}.rate`, { maxPlaces: TAX_RATE_MAX_PLACES, min: '0', lessThan: '1' }),
    compound: r.compound,
  }));
  const compoundIn = new Set<string>();
  const named = new Set<string>();
  for (const r of rates) {
    if (r.compound) {
      if (compoundIn.has(r.taxCategory))
        throw new RuleViolation('one-compound-tax', `tax category ${r.taxCategory} has more than one compound tax; at most one per region and category`);
      compoundIn.add(r.taxCategory);
    }
    const key = JSON.stringify([r.taxCategory, r.name]);
    if (named.has(key)) throw new RuleViolation('duplicate-tax-rate', `tax category ${r.taxCategory} has two taxes named ${r.name}`);
    named.add(key);
  }
  return { taxRegionId: terms.taxRegionId, name: terms.name, rates };
}
