import { RuleViolation } from '../shared/domain-errors';
import { billingSettingsDecider, DEFAULT_BILLING_SETTINGS } from './billing-settings.decider';

describe('billing settings', () => {
  it('start at the defaults of billing-rules (no rounding, overage not multiplied, timesheets not required, stuck after 7 days)', () => {
    expect(billingSettingsDecider.initialState).toEqual({ roundUpMinutes: 0, multiplyOverage: false, requireApprovedTimesheet: false, stuckAfterDays: 7 });
  });

  it('a change records the whole new settings; no change decides nothing', () => {
    const events = billingSettingsDecider.decide({ type: 'ChangeBillingSettings', changes: { roundUpMinutes: 15 } }, DEFAULT_BILLING_SETTINGS);
    expect(events).toEqual([{ type: 'BillingSettingsChanged', data: { ...DEFAULT_BILLING_SETTINGS, roundUpMinutes: 15 } }]);
    const state = billingSettingsDecider.evolve(DEFAULT_BILLING_SETTINGS, events[0]);
    expect(billingSettingsDecider.decide({ type: 'ChangeBillingSettings', changes: { roundUpMinutes: 15 } }, state)).toEqual([]);
  });

  it.each([7, 61, -3, 1.5])('refuses roundUpMinutes %p', (roundUpMinutes) => {
    expect(() => billingSettingsDecider.decide({ type: 'ChangeBillingSettings', changes: { roundUpMinutes } }, DEFAULT_BILLING_SETTINGS)).toThrow(RuleViolation);
  });
});
