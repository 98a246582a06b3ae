import type { AccountEvent } from './accounts/account.events';
import type { ApiKeyEvent } from './api-keys/api-key.events';
import type { BillingCodeEvent } from './catalog/billing-code.events';
import type { ExclusionSetEvent } from './catalog/exclusion-set.events';
import type { RoleEvent } from './catalog/role.events';
import type { TaxRegionEvent } from './catalog/tax-region.events';
import type { WorkTypeEvent } from './catalog/work-type.events';
import type { ContractEvent } from './contracts/contract.events';
import type { DefaultContractEvent } from './contracts/default-contract.events';
import type { InvoiceNumberEvent } from './invoicing/invoice-number.events';
import type { InvoiceRunEvent } from './invoicing/invoice-run.events';
import type { LedgerEvent } from './ledger/ledger.events';
import type { BillingSettingsEvent } from './settings/billing-settings.events';
import type { ChargeEvent } from './work/charge.events';
import type { ExpenseEvent } from './work/expense.events';
import type { ItemIdClaimEvent } from './work/item-id-claim.events';
import type { TicketEvent } from './work/ticket.events';
import type { TimeEntryEvent } from './work/time-entry.events';
import type { TimesheetEvent } from './work/timesheet.events';
import type { WebhookEvent } from './webhooks/webhook.events';

/** Every event the ledger stores, of every stream type: what projections and subscribers read. */
export type BillingEvent =
  | ApiKeyEvent
  | AccountEvent
  | RoleEvent
  | WorkTypeEvent
  | ExclusionSetEvent
  | TaxRegionEvent
  | BillingCodeEvent
  | BillingSettingsEvent
  | ContractEvent
  | DefaultContractEvent
  | TimeEntryEvent
  | ChargeEvent
  | ExpenseEvent
  | TicketEvent
  | TimesheetEvent
  | ItemIdClaimEvent
  | LedgerEvent
  | InvoiceRunEvent
  | InvoiceNumberEvent
  | WebhookEvent;

export type BillingEventType = BillingEvent['type'];

/** The events of some types, by their type names. */
export type BillingEventOf<Type extends BillingEventType> = Extract<BillingEvent, { type: Type }>;
