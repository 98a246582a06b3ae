import type { Decider } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { sameTerms } from './catalog-decimal';
import { evolveTaxRegion, initialTaxRegionState, type TaxRegionEvent, type TaxRegionState, type TaxRegionTerms } from './tax-region.events';
import { canonicalTaxRegionTerms } from './tax-region.rules';

export interface CreateTaxRegion {
  type: 'CreateTaxRegion';
  /** Rates as sent (decimal strings); the decider stores them in canonical form. */
  terms: TaxRegionTerms;
}
export type TaxRegionCommand = CreateTaxRegion;

function decideTaxRegion(command: TaxRegionCommand, state: TaxRegionState): TaxRegionEvent[] {
  switch (command.type) {
    case 'CreateTaxRegion': {
      const terms = canonicalTaxRegionTerms(command.terms);
      if (state.status === 'active') {
        if (sameTerms(state.terms, terms)) return [];
        throw new Conflict('id-reused', `tax region ${terms.taxRegionId} already exists with other details`);
      }
      return [{ type: 'TaxRegionCreated', data: terms }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const taxRegionDecider: Decider<TaxRegionCommand, TaxRegionEvent, TaxRegionState> = {
  decide: decideTaxRegion,
  evolve: evolveTaxRegion,
  initialState: initialTaxRegionState,
};
