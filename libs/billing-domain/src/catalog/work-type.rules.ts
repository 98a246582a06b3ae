import type { RateModifier } from '../rating/rating-inputs';
import { RuleViolation } from '../shared/domain-errors';
import { dec } from '../shared/decimal';
import { MAX_HOURLY_RATE, MAX_MULTIPLIER } from '../shared/money-bounds';
import { canonicalDecimal } from './catalog-decimal';
import type { WorkTypeModifier, WorkTypeTerms } from './work-type.events';

/** Hours per entry are between 0 and 24 (billing-rules §5: `0 < hoursWorked ≤ 24`). */
export const MAX_HOURS_PER_ENTRY = '24';

/** A work type's modifier as the rating engine takes it. */
export function rateModifierOf(modifier: WorkTypeModifier): RateModifier {
  return modifier.type === 'none' ? { kind: 'none' } : { kind: modifier.type, value: modifier.value };
}

export function canonicalWorkTypeModifier(modifier: WorkTypeModifier): WorkTypeModifier {
  switch (modifier.type) {
    case 'none':
      return { type: 'none' };
    case 'add':
      return { type: 'add', value: canonicalDecimal(modifier.value, 'modifier.value', { maxPlaces: 4, min: `-${MAX_HOURLY_RATE}`, max: MAX_HOURLY_RATE }) };
    case 'multiply':
      return { type: 'multiply', value: canonicalDecimal(modifier.value, 'modifier.value', { maxPlaces: 4, greaterThan: '0', max: MAX_MULTIPLIER }) };
    case 'custom':
    case 'flat':
      return { type: modifier.type, value: canonicalDecimal(modifier.value, 'modifier.value', { maxPlaces: 4, min: '0', max: MAX_HOURLY_RATE }) };
    default: {
      const unknown: never = modifier;
      throw new RuleViolation('work-type-modifier', `unknown modifier ${JSON.stringify(unknown)}`);
    }
  }
}

/** The terms in canonical form; refuses decimals out of bounds and `minHours > maxHours`. */
export function canonicalWorkTypeTerms(terms: WorkTypeTerms): WorkTypeTerms {
  const minHours = terms.minHours === null ? null : canonicalDecimal(terms.minHours, 'minHours', { maxPlaces: 4, min: '0', max: MAX_HOURS_PER_ENTRY });
  const maxHours = terms.maxHours === null ? null : canonicalDecimal(terms.maxHours, 'maxHours', { maxPlaces: 4, greaterThan: '0', max: MAX_HOURS_PER_ENTRY });
  if (minHours !== null && maxHours !== null && dec(minHours).greaterThan(maxHours))
    throw new RuleViolation('work-type-hours', `minHours ${minHours} is more than maxHours ${maxHours}`);
  return {
    workTypeId: terms.workTypeId,
    name: terms.name,
    billable: terms.billable,
    showOnInvoice: terms.showOnInvoice,
    taxCategory: terms.taxCategory,
    minHours,
    maxHours,
    modifier: canonicalWorkTypeModifier(terms.modifier),
  };
}
