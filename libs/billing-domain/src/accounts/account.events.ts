import type { DomainEvent } from '../shared/decider';

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

export const accountStream = (accountId: string) => `account-${accountId}`;

export const initialAccountState = (): AccountState => ({ status: 'none' });

export function evolveAccount(_state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountCreated':
      return { status: 'active', terms: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
