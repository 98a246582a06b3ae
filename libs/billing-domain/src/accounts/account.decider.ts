import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import type { TaxRegionState } from '../catalog/tax-region.decider';

export interface AccountTerms {
  accountId: string;
  name: string;
  parentAccountId: string | null;
  /** Non-contract items go to the parent's invoices (billing-rules §2). */
  invoiceToParent: boolean;
  taxRegionId: string | null;
  taxExempt: boolean;
  paymentTermsDays: number;
  currency: string;
}

export type AccountCreated = DomainEvent<'AccountCreated', AccountTerms>;
export type AccountEvent = AccountCreated;

export type AccountState = { status: 'none' } | { status: 'active'; terms: AccountTerms };

export interface CreateAccount {
  type: 'CreateAccount';
  terms: AccountTerms;
  /** The parent account's state, loaded by the handler when `parentAccountId` is set. */
  parent?: AccountState;
  /** The tax region's state, loaded by the handler when `taxRegionId` is set. */
  taxRegion?: TaxRegionState;
}
export type AccountCommand = CreateAccount;

export const ACCOUNT_DEFAULTS = { paymentTermsDays: 30, currency: 'USD' } as const;

export const accountStream = (accountId: string) => `account-${accountId}`;

function sameTerms(a: AccountTerms, b: AccountTerms): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateAccount': {
        const { terms } = command;
        if (state.status === 'active') {
          if (sameTerms(state.terms, terms)) return [];
          throw new Conflict(`account ${terms.accountId} already exists with other details`, 'id-reused');
        }
        if (terms.parentAccountId !== null) {
          if (terms.parentAccountId === terms.accountId) throw new RuleViolation('account-parent', 'an account cannot be its own parent');
          if (command.parent?.status !== 'active') throw new NotFound('parent account', terms.parentAccountId);
          if (command.parent.terms.parentAccountId === terms.accountId)
            throw new RuleViolation('account-parent', `account ${terms.parentAccountId} is a child of ${terms.accountId}: a cycle`);
        } else if (terms.invoiceToParent) {
          throw new RuleViolation('invoice-to-parent', 'invoiceToParent needs a parentAccountId');
        }
        if (terms.taxRegionId !== null && command.taxRegion?.status !== 'active') throw new NotFound('tax region', terms.taxRegionId);
        return [{ type: 'AccountCreated', data: terms }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AccountCreated':
        return { status: 'active', terms: event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
