import type { Decider } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { evolveBillingCode, initialBillingCodeState, type BillingCodeEvent, type BillingCodeState, type BillingCodeTerms } from './billing-code.events';
import { sameTerms } from './catalog-decimal';

export interface CreateBillingCode {
  type: 'CreateBillingCode';
  terms: BillingCodeTerms;
}
export type BillingCodeCommand = CreateBillingCode;

function decideBillingCode(command: BillingCodeCommand, state: BillingCodeState): BillingCodeEvent[] {
  switch (command.type) {
    case 'CreateBillingCode': {
      const { billingCodeId, name, type, taxCategory, glAccount } = command.terms;
      const terms: BillingCodeTerms = { billingCodeId, name, type, taxCategory, glAccount };
      if (state.status === 'active') {
        if (sameTerms(state.terms, terms)) return [];
        throw new Conflict('id-reused', `billing code ${terms.billingCodeId} already exists with other details`);
      }
      return [{ type: 'BillingCodeCreated', data: terms }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const billingCodeDecider: Decider<BillingCodeCommand, BillingCodeEvent, BillingCodeState> = {
  decide: decideBillingCode,
  evolve: evolveBillingCode,
  initialState: initialBillingCodeState,
};
