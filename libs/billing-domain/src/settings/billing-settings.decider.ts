import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/domain-errors';
import {
  INVOICE_NUMBER_PREFIX,
  evolveBillingSettings,
  initialBillingSettings,
  type BillingSettings,
  type BillingSettingsEvent,
  type BillingSettingsState,
} from './billing-settings.events';

export interface ChangeBillingSettings {
  type: 'ChangeBillingSettings';
  changes: Partial<BillingSettings>;
}
export type BillingSettingsCommand = ChangeBillingSettings;

function decideBillingSettings(command: BillingSettingsCommand, state: BillingSettingsState): BillingSettingsEvent[] {
  switch (command.type) {
    case 'ChangeBillingSettings': {
      const next: BillingSettings = { ...state, ...command.changes };
      const { roundUpMinutes, stuckAfterDays } = next;
      if (!Number.isInteger(roundUpMinutes) || roundUpMinutes < 0 || roundUpMinutes > 60 || roundUpMinutes % 3 !== 0)
        throw new RuleViolation('round-up-minutes', 'roundUpMinutes must be 0 or a multiple of 3 up to 60 (so hours stay finite decimals)');
      if (!Number.isInteger(stuckAfterDays) || stuckAfterDays < 1)
        throw new RuleViolation('stuck-after-days', 'stuckAfterDays must be a whole number of days, at least 1');
      if (typeof next.invoiceNumberPrefix !== 'string' || !INVOICE_NUMBER_PREFIX.test(next.invoiceNumberPrefix))
        throw new RuleViolation('invoice-number-prefix', 'invoiceNumberPrefix is at most 20 letters, digits or . _ / -');
      if (JSON.stringify(next) === JSON.stringify(state)) return [];
      return [{ type: 'BillingSettingsChanged', data: next }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const billingSettingsDecider: Decider<BillingSettingsCommand, BillingSettingsEvent, BillingSettingsState> = {
  decide: decideBillingSettings,
  evolve: evolveBillingSettings,
  initialState: initialBillingSettings,
};
