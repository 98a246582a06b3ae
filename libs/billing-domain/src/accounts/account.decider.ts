import type { Decider } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import type { TaxRegionState } from '../catalog/tax-region.events';
import { evolveAccount, initialAccountState, type AccountEvent, type AccountState, type AccountTerms } from './account.events';

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

function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'CreateAccount': {
      const { terms } = command;
      if (state.status === 'active') {
        if (JSON.stringify(state.terms) === JSON.stringify(terms)) return [];
        throw new Conflict('id-reused', `account ${terms.accountId} already exists with other details`);
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
}

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  decide: decideAccount,
  evolve: evolveAccount,
  initialState: initialAccountState,
};
