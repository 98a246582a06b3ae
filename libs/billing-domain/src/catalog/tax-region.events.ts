import type { DomainEvent } from '../shared/decider';

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

export const taxRegionStream = (taxRegionId: string) => `taxRegion-${taxRegionId}`;

export const initialTaxRegionState = (): TaxRegionState => ({ status: 'none' });

export function evolveTaxRegion(_state: TaxRegionState, event: TaxRegionEvent): TaxRegionState {
  switch (event.type) {
    case 'TaxRegionCreated':
      return { status: 'active', terms: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
