import type { Decider, DomainEvent } from '../shared/decider';
import type { RateModifier } from '../rating/rating-inputs';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { dec } from '../shared/decimal';
import { canonicalDecimal, sameTerms } from './catalog-decimal';

export const WORK_TYPE_MODIFIER_TYPES = ['none', 'add', 'multiply', 'custom', 'flat'] as const;
export type WorkTypeModifierType = (typeof WORK_TYPE_MODIFIER_TYPES)[number];

/**
 * The rate modifier of a work type (billing-rules §2, §5): `add` role rate + value (a negative
 * value is a discount), `multiply` role rate × value (> 0; also the block-hour draw factor),
 * `custom` value per hour (≥ 0), `flat` value per entry whatever the hours (≥ 0).
 */
export type WorkTypeModifier = { type: 'none' } | { type: Exclude<WorkTypeModifierType, 'none'>; value: string };

/** A work type's modifier as the rating engine takes it. */
export function rateModifierOf(modifier: WorkTypeModifier): RateModifier {
  return modifier.type === 'none' ? { kind: 'none' } : { kind: modifier.type, value: modifier.value };
}

/** A work type (billing-rules §2). Hours and values are canonical decimal strings. */
export interface WorkTypeTerms {
  workTypeId: string;
  name: string;
  /** Non-billable work is never charged and never draws on a balance. */
  billable: boolean;
  /** Whether lines charged nothing (non-billable, covered) of this work type appear on invoices. */
  showOnInvoice: boolean;
  /** The tax category of its labour (billing-rules §10); null: untaxed. */
  taxCategory: string | null;
  /** Hours to bill per entry are clamped to [minHours, maxHours]; null: no bound. */
  minHours: string | null;
  maxHours: string | null;
  modifier: WorkTypeModifier;
}

export type WorkTypeCreated = DomainEvent<'WorkTypeCreated', WorkTypeTerms>;
export type WorkTypeEvent = WorkTypeCreated;

export type WorkTypeState = { status: 'none' } | { status: 'active'; terms: WorkTypeTerms };

export interface CreateWorkType {
  type: 'CreateWorkType';
  /** Decimals as sent (decimal strings); the decider stores them in canonical form. */
  terms: WorkTypeTerms;
}
export type WorkTypeCommand = CreateWorkType;

export const WORK_TYPE_DEFAULTS = {
  billable: true,
  modifier: { type: 'none' } as WorkTypeModifier,
  /** Billable work shows on invoices; non-billable work is hidden unless asked for. */
  showOnInvoice: (billable: boolean) => billable,
} as const;

/** Hours per entry are between 0 and 24 (billing-rules §5: `0 < hoursWorked ≤ 24`). */
export const MAX_HOURS_PER_ENTRY = '24';

export const workTypeStream = (workTypeId: string) => `workType-${workTypeId}`;

export function canonicalWorkTypeModifier(modifier: WorkTypeModifier): WorkTypeModifier {
  switch (modifier.type) {
    case 'none':
      return { type: 'none' };
    case 'add':
      return { type: 'add', value: canonicalDecimal(modifier.value, 'modifier.value', { maxPlaces: 4 }) };
    case 'multiply':
      return { type: 'multiply', value: canonicalDecimal(modifier.value, 'modifier.value', { maxPlaces: 4, greaterThan: '0' }) };
    case 'custom':
    case 'flat':
      return { type: modifier.type, value: canonicalDecimal(modifier.value, 'modifier.value', { maxPlaces: 4, min: '0' }) };
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

export const workTypeDecider: Decider<WorkTypeCommand, WorkTypeEvent, WorkTypeState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateWorkType': {
        const terms = canonicalWorkTypeTerms(command.terms);
        if (state.status === 'active') {
          if (sameTerms(state.terms, terms)) return [];
          throw new Conflict(`work type ${terms.workTypeId} already exists with other details`, 'id-reused');
        }
        return [{ type: 'WorkTypeCreated', data: terms }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'WorkTypeCreated':
        return { status: 'active', terms: event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
