import type { DomainEvent } from '../shared/decider';

export const BILLING_CODE_TYPES = ['material', 'expense', 'service', 'milestone'] as const;
export type BillingCodeType = (typeof BILLING_CODE_TYPES)[number];

/** A billing code (billing-rules §2): a material, expense category, service or milestone. */
export interface BillingCodeTerms {
  billingCodeId: string;
  name: string;
  type: BillingCodeType;
  /** The tax category of its items (billing-rules §10); null: untaxed. */
  taxCategory: string | null;
  /** The general ledger account of the accounting export; null: none. */
  glAccount: string | null;
}

export type BillingCodeCreated = DomainEvent<'BillingCodeCreated', BillingCodeTerms>;
export type BillingCodeEvent = BillingCodeCreated;

export type BillingCodeState = { status: 'none' } | { status: 'active'; terms: BillingCodeTerms };

export const billingCodeStream = (billingCodeId: string) => `billingCode-${billingCodeId}`;

export const initialBillingCodeState = (): BillingCodeState => ({ status: 'none' });

export function evolveBillingCode(_state: BillingCodeState, event: BillingCodeEvent): BillingCodeState {
  switch (event.type) {
    case 'BillingCodeCreated':
      return { status: 'active', terms: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
