import { deciderSpec, rule } from '../testing/decider-spec';
import { billingSettingsDecider } from './billing-settings.decider';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings.events';

const settings = deciderSpec(billingSettingsDecider);

describe('billing settings', () => {
  it('start at the defaults of billing-rules (no rounding, overage not multiplied, timesheets not required, stuck after 7 days)', () => {
    expect(billingSettingsDecider.initialState()).toEqual({
      roundUpMinutes: 0,
      multiplyOverage: false,
      requireApprovedTimesheet: false,
      stuckAfterDays: 7,
      invoiceNumberPrefix: 'INV-',
    });
    expect(settings.given([]).state()).toEqual(DEFAULT_BILLING_SETTINGS);
  });

  it('a change records the whole new settings; no change decides nothing', () => {
    const changed = { type: 'BillingSettingsChanged' as const, data: { ...DEFAULT_BILLING_SETTINGS, roundUpMinutes: 15 } };
    settings
      .given([])
      .when({ type: 'ChangeBillingSettings', changes: { roundUpMinutes: 15 } })
      .then([changed]);
    settings
      .given([changed])
      .when({ type: 'ChangeBillingSettings', changes: { roundUpMinutes: 15 } })
      .then([]);
  });

  it.each(['INV 1', 'INV#', 'A'.repeat(21), 'FAC\u202e'])('refuses the invoice number prefix %p', (invoiceNumberPrefix) => {
    settings.given([]).when({ type: 'ChangeBillingSettings', changes: { invoiceNumberPrefix } }).then(rule('invoice-number-prefix'));
  });

  it.each(['', 'INV-', '2026/', 'ACME.INV_'])('takes the invoice number prefix %p', (invoiceNumberPrefix) => {
    const [changed] = settings.given([]).when({ type: 'ChangeBillingSettings', changes: { invoiceNumberPrefix } }).events();
    expect(changed?.data.invoiceNumberPrefix ?? DEFAULT_BILLING_SETTINGS.invoiceNumberPrefix).toBe(invoiceNumberPrefix);
  });

  it.each([7, 61, -3, 1.5])('refuses roundUpMinutes %p', (roundUpMinutes) => {
    settings.given([]).when({ type: 'ChangeBillingSettings', changes: { roundUpMinutes } }).then(rule('round-up-minutes'));
  });
});
