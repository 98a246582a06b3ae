import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { sameTerms } from './catalog-decimal';

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

export interface CreateBillingCode {
  type: 'CreateBillingCode';
  terms: BillingCodeTerms;
}
export type BillingCodeCommand = CreateBillingCode;

export const billingCodeStream = (billingCodeId: string) => `billingCode-${billingCodeId}`;

export const billingCodeDecider: Decider<BillingCodeCommand, BillingCodeEvent, BillingCodeState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateBillingCode': {
        const { billingCodeId, name, type, taxCategory, glAccount } = command.terms;
        const terms: BillingCodeTerms = { billingCodeId, name, type, taxCategory, glAccount };
        if (state.status === 'active') {
          if (sameTerms(state.terms, terms)) return [];
          throw new Conflict(`billing code ${terms.billingCodeId} already exists with other details`, 'id-reused');
        }
        return [{ type: 'BillingCodeCreated', data: terms }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'BillingCodeCreated':
        return { status: 'active', terms: event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
