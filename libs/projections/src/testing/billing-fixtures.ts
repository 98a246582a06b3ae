import type { BillingItemData, TimeEntryData } from '@billing/domain';
import { postedItem } from '@billing/domain/testing/fixtures';

/**
 * Whole event data for read-model specs, each with plain defaults a spec overrides where it
 * matters: the terms of a contract, a logged time entry, a posted billing item.
 */

/** The active Time & Materials contract `tm` of account `acme` for 2026, every other field null or empty: the domain specs' own builder. */
export { contractTerms } from '@billing/domain/testing/fixtures';

/** Two hours of remote work by `r-1` as `eng` for `acme` on 2026-11-02, on no contract. */
export const timeEntry = (overrides: Partial<TimeEntryData> = {}): TimeEntryData => ({
  timeEntryId: 'te-1',
  accountId: 'acme',
  resourceId: 'r-1',
  roleId: 'eng',
  workTypeId: 'remote',
  dateWorked: '2026-11-02',
  startTime: null,
  hoursWorked: '2',
  offsetHours: '0',
  ticketId: null,
  summary: null,
  requestedContractId: null,
  contractId: null,
  routing: [],
  hoursToBill: '2',
  ...overrides,
});

/** A charge of 1 × $10.00 for `acme`, posted whole and billed to `acme` on 2026-11-10. */
export const billingItem = (overrides: Partial<BillingItemData> = {}): BillingItemData => postedItem({ billingItemId: 'bi-1', ...overrides });
