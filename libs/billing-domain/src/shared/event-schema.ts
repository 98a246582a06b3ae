import type { DomainEvent } from './decider';

/**
 * Events are forever: a schema changes by a new version and an upcaster, never by editing what is
 * stored. `upcasters[type][n]` turns version n+1 data into version n+2 data; an event is read at
 * the version it was written with (metadata `schemaVersion`, 1 when absent) and raised to the
 * current one before any `evolve` or projection sees it. Each upcaster is described for readers of
 * the published contract in SCHEMA_CHANGES (event-schema-changes.ts); `npm run events:schemas`
 * then regenerates the JSON Schemas and docs/events.md.
 */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;
export type UpcasterRegistry = Readonly<Record<string, readonly Upcaster[]>>;

export const UPCASTERS: UpcasterRegistry = {
  // v2: a technician key names the person whose work it may touch; v1 keys name nobody.
  ApiKeyIssued: [(data) => ({ ...data, resourceId: null })],
  // v2: charges and expenses name the person whose work they are, so a technician sees its own;
  // an expense names a billing code (its tax category): v1 expenses had none, and were untaxed.
  ChargeRecorded: [(data) => ({ ...data, resourceId: null })],
  ExpenseRecorded: [(data) => ({ ...data, resourceId: null, billingCodeId: null })],
  // v2: a Recurring Service contract may set its licence tolerance, and any contract a renewal
  // period; contracts created before use the default tolerance (null) and do not renew themselves.
  ContractCreated: [(data) => ({ ...data, licenceTolerancePercent: null, renewalPeriod: null })],
  // v2: a change may carry `renewalPeriod`; v1 changes never did, so they read as written.
  ContractTermsChanged: [(data) => data],
  // v2: a purchase names a billing code (its tax category); purchases before had none, and were untaxed.
  BlockPurchased: [(data) => ({ ...data, billingCodeId: null })],
  RetainerPurchased: [(data) => ({ ...data, billingCodeId: null })],
  TicketsPurchased: [(data) => ({ ...data, billingCodeId: null })],
  // v2: the settings name the invoice number prefix, which was not a setting before: the default.
  BillingSettingsChanged: [(data) => ({ ...data, invoiceNumberPrefix: 'INV-' })],
  // v2: the overrides may re-route a time entry (`contractId`, `reason`); v1 overrides never did, so they read as written.
  ItemApproved: [(data) => data],
  // v2: a posting records the approver's overrides as given (unknown before: null) and a re-routing (none before).
  ItemPosted: [(data) => ({ ...data, overrides: null, routingOverride: null })],
};

export function currentSchemaVersion(type: string, registry: UpcasterRegistry = UPCASTERS): number {
  return (registry[type]?.length ?? 0) + 1;
}

export function upcast<E extends DomainEvent>(event: { type: string; data: unknown; schemaVersion?: number }, registry: UpcasterRegistry = UPCASTERS): E {
  const chain = registry[event.type] ?? [];
  let data = event.data as Record<string, unknown>;
  for (let version = event.schemaVersion ?? 1; version <= chain.length; version++) data = chain[version - 1](data);
  return { type: event.type, data } as E;
}
