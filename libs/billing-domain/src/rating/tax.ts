import { type Dec, roundMoney } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import { type DecimalLike, decimalOf, ZERO } from './rating-decimals';
import type { BillToTaxContext, TaxRate } from './rating-inputs';

export interface TaxInput {
  taxExempt: boolean;
  /** The rates of the item's tax category in the bill-to account's region (none: untaxed). */
  rates: readonly TaxRate[];
}

/**
 * Tax of one posted item (billing-rules §10): each simple tax = amount × rate; the compound tax
 * (at most one) = (amount + the simple taxes) × rate; the total rounded half-up to cents once.
 */
export function taxFor(itemAmount: DecimalLike, input: TaxInput): Dec {
  if (input.taxExempt || input.rates.length === 0) return ZERO;
  const amount = decimalOf(itemAmount, 'amount');
  const compound = input.rates.filter((r) => r.compound);
  if (compound.length > 1) {
    throw new RuleViolation('multiple-compound-taxes', `at most one compound tax per category, got ${compound.map((r) => r.name).join(', ')}`);
  }
  let simpleTaxes = ZERO;
  for (const r of input.rates) {
    if (!r.compound) simpleTaxes = simpleTaxes.plus(amount.times(decimalOf(r.rate, `tax ${r.name} rate`)));
  }
  const compoundTax = compound.length === 1 ? amount.plus(simpleTaxes).times(decimalOf(compound[0].rate, `tax ${compound[0].name} rate`)) : ZERO;
  return roundMoney(simpleTaxes.plus(compoundTax));
}

/** The rates that apply to a tax category for a bill-to account (none without region or category). */
export function taxRatesFor(billTo: BillToTaxContext, taxCategoryId: string | null | undefined): readonly TaxRate[] {
  if (billTo.region === null || taxCategoryId == null) return [];
  const byCategory = billTo.region.ratesByCategory;
  return Object.prototype.hasOwnProperty.call(byCategory, taxCategoryId) ? byCategory[taxCategoryId] : [];
}
