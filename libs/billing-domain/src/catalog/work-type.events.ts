import type { DomainEvent } from '../shared/decider';

export const WORK_TYPE_MODIFIER_TYPES = ['none', 'add', 'multiply', 'custom', 'flat'] as const;
export type WorkTypeModifierType = (typeof WORK_TYPE_MODIFIER_TYPES)[number];

/**
 * The rate modifier of a work type (billing-rules §2, §5): `add` role rate + value (a negative
 * value is a discount), `multiply` role rate × value (> 0; also the block-hour draw factor),
 * `custom` value per hour (≥ 0), `flat` value per entry whatever the hours (≥ 0).
 */
export type WorkTypeModifier = { type: 'none' } | { type: Exclude<WorkTypeModifierType, 'none'>; value: string };

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

export const workTypeStream = (workTypeId: string) => `workType-${workTypeId}`;

export const initialWorkTypeState = (): WorkTypeState => ({ status: 'none' });

export function evolveWorkType(_state: WorkTypeState, event: WorkTypeEvent): WorkTypeState {
  switch (event.type) {
    case 'WorkTypeCreated':
      return { status: 'active', terms: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
