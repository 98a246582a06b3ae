import type { Decider, DomainEvent } from '../shared/decider';
import { RuleViolation } from '../shared/domain-errors';

/** The ledger settings of billing-rules §5, §6, §9 and §11. */
export interface BillingSettings {
  /** Round hours worked up to this many minutes: 0 (none) or a multiple of 3 up to 60. */
  roundUpMinutes: number;
  /** Apply the block-hour multiplier to block overage. */
  multiplyOverage: boolean;
  /** Labour posts only once the resource's timesheet for that week is approved. */
  requireApprovedTimesheet: boolean;
  /** Unbilled items older than this many days are flagged as stuck on the dashboard. */
  stuckAfterDays: number;
}

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  roundUpMinutes: 0,
  multiplyOverage: false,
  requireApprovedTimesheet: false,
  stuckAfterDays: 7,
};

export type BillingSettingsChanged = DomainEvent<'BillingSettingsChanged', BillingSettings>;
export type BillingSettingsEvent = BillingSettingsChanged;
export type BillingSettingsState = BillingSettings;

export interface ChangeBillingSettings {
  type: 'ChangeBillingSettings';
  changes: Partial<BillingSettings>;
}

export const BILLING_SETTINGS_STREAM = 'billingSettings';

export const billingSettingsDecider: Decider<ChangeBillingSettings, BillingSettingsEvent, BillingSettingsState> = {
  initialState: DEFAULT_BILLING_SETTINGS,

  decide(command, state) {
    const next: BillingSettings = { ...state, ...command.changes };
    const { roundUpMinutes, stuckAfterDays } = next;
    if (!Number.isInteger(roundUpMinutes) || roundUpMinutes < 0 || roundUpMinutes > 60 || roundUpMinutes % 3 !== 0)
      throw new RuleViolation('round-up-minutes', 'roundUpMinutes must be 0 or a multiple of 3 up to 60 (so hours stay finite decimals)');
    if (!Number.isInteger(stuckAfterDays) || stuckAfterDays < 1) throw new RuleViolation('stuck-after-days', 'stuckAfterDays must be a whole number of days, at least 1');
    if (JSON.stringify(next) === JSON.stringify(state)) return [];
    return [{ type: 'BillingSettingsChanged', data: next }];
  },

  evolve(_state, event) {
    return event.data;
  },
};
