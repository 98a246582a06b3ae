import type { DomainEvent } from '../shared/decider';

/** The ledger settings of billing-rules §5, §6, §9, §10 and §11. */
export interface BillingSettings {
  /** Round hours worked up to this many minutes: 0 (none) or a multiple of 3 up to 60. */
  roundUpMinutes: number;
  /** Apply the block-hour multiplier to block overage. */
  multiplyOverage: boolean;
  /** Labour posts only once the resource's timesheet for that week is approved. */
  requireApprovedTimesheet: boolean;
  /** Unbilled items older than this many days are flagged as stuck on the dashboard. */
  stuckAfterDays: number;
  /** Put before each invoice's sequence number (`INV-` → `INV-000001`); numbers already assigned keep theirs. */
  invoiceNumberPrefix: string;
}

/** At most 20 letters, digits or `. _ / -` (empty: bare numbers): it goes into every export of an invoice. */
export const INVOICE_NUMBER_PREFIX = /^[A-Za-z0-9._/-]{0,20}$/;

export const DEFAULT_BILLING_SETTINGS: Readonly<BillingSettings> = {
  roundUpMinutes: 0,
  multiplyOverage: false,
  requireApprovedTimesheet: false,
  stuckAfterDays: 7,
  invoiceNumberPrefix: 'INV-',
};

/** The whole settings as they are from now on. */
export type BillingSettingsChanged = DomainEvent<'BillingSettingsChanged', BillingSettings>;
export type BillingSettingsEvent = BillingSettingsChanged;
export type BillingSettingsState = BillingSettings;

export const BILLING_SETTINGS_STREAM = 'billingSettings';

export const initialBillingSettings = (): BillingSettingsState => ({ ...DEFAULT_BILLING_SETTINGS });

export function evolveBillingSettings(_state: BillingSettingsState, event: BillingSettingsEvent): BillingSettingsState {
  switch (event.type) {
    case 'BillingSettingsChanged':
      return event.data;
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
