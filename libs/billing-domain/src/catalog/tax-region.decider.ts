import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { canonicalDecimal, sameTerms } from './catalog-decimal';

/** One tax of a region for one tax category (billing-rules §10). */
export interface TaxRegionRate {
  taxCategory: string;
  /** Shown on invoices ("State", "GST"); unique within its category. */
  name: string;
  /** A canonical decimal string, 0 ≤ rate < 1, at most 6 places ("0.08875"). */
  rate: string;
  /** Applied on the amount plus the category's other taxes; at most one per category. */
  compound: boolean;
}

/** A tax region: its rates per tax category, in the order given. */
export interface TaxRegionTerms {
  taxRegionId: string;
  name: string;
  rates: TaxRegionRate[];
}

export type TaxRegionCreated = DomainEvent<'TaxRegionCreated', TaxRegionTerms>;
export type TaxRegionEvent = TaxRegionCreated;

export type TaxRegionState = { status: 'none' } | { status: 'active'; terms: TaxRegionTerms };

export interface CreateTaxRegion {
  type: 'CreateTaxRegion';
  /** Rates as sent (decimal strings); the decider stores them in canonical form. */
  terms: TaxRegionTerms;
}
export type TaxRegionCommand = CreateTaxRegion;

export const TAX_RATE_MAX_PLACES = 6;

export const taxRegionStream = (taxRegionId: string) => `taxRegion-${taxRegionId}`;

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

export const taxRegionDecider: Decider<TaxRegionCommand, TaxRegionEvent, TaxRegionState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateTaxRegion': {
        const terms = canonicalTaxRegionTerms(command.terms);
        if (state.status === 'active') {
          if (sameTerms(state.terms, terms)) return [];
          throw new Conflict(`tax region ${terms.taxRegionId} already exists with other details`, 'id-reused');
        }
        return [{ type: 'TaxRegionCreated', data: terms }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TaxRegionCreated':
        return { status: 'active', terms: event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
