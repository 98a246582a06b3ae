/**
 * What each schema version changed, for readers of the published contract (`npm run
 * events:schemas`, docs/events.md): `SCHEMA_CHANGES[type][n]` describes version n+2, the one
 * `UPCASTERS[type][n]` (event-schema.ts) raises version n+1 to. Every upcaster has its entry here;
 * a test holds the two together.
 */
export interface SchemaChange {
  /** What the version changed, and how an event of the version before is read. */
  change: string;
  /**
   * The data fields the version added (dotted paths into nested objects: `overrides.reason`). The
   * published schema of the version before is this version's without them. Null when the change
   * is not a matter of added fields: the earlier schema is then listed as not described.
   */
  addedFields: readonly string[] | null;
}

export const SCHEMA_CHANGES: Readonly<Record<string, readonly SchemaChange[]>> = {
  ApiKeyIssued: [
    {
      change: 'A technician key names the person whose work it may touch (`resourceId`); v1 keys name nobody: read with `resourceId: null`.',
      addedFields: ['resourceId'],
    },
  ],
  ChargeRecorded: [
    { change: 'A charge names the person whose work it is (`resourceId`); v1 charges are read with `resourceId: null`.', addedFields: ['resourceId'] },
  ],
  ExpenseRecorded: [
    {
      change:
        'An expense names the person whose work it is (`resourceId`) and a billing code, its tax category (`billingCodeId`); v1 expenses are read with both null (untaxed, as they were).',
      addedFields: ['resourceId', 'billingCodeId'],
    },
  ],
  ContractCreated: [
    {
      change:
        'A Recurring Service contract may set its licence tolerance (`licenceTolerancePercent`) and any contract a renewal period (`renewalPeriod`); v1 contracts are read with both null (the default tolerance; no renewal).',
      addedFields: ['licenceTolerancePercent', 'renewalPeriod'],
    },
  ],
  ContractTermsChanged: [{ change: 'A change may carry `renewalPeriod`; v1 changes never did, and are read as written.', addedFields: ['renewalPeriod'] }],
  BlockPurchased: [
    {
      change: 'A purchase names a billing code (`billingCodeId`, its tax category); v1 purchases are read with `billingCodeId: null` (untaxed, as they were).',
      addedFields: ['billingCodeId'],
    },
  ],
  RetainerPurchased: [
    {
      change: 'A purchase names a billing code (`billingCodeId`, its tax category); v1 purchases are read with `billingCodeId: null` (untaxed, as they were).',
      addedFields: ['billingCodeId'],
    },
  ],
  TicketsPurchased: [
    {
      change: 'A purchase names a billing code (`billingCodeId`, its tax category); v1 purchases are read with `billingCodeId: null` (untaxed, as they were).',
      addedFields: ['billingCodeId'],
    },
  ],
  BillingSettingsChanged: [
    {
      change: 'The settings name the invoice number prefix (`invoiceNumberPrefix`); v1 settings are read with the default, `INV-`.',
      addedFields: ['invoiceNumberPrefix'],
    },
  ],
  ItemApproved: [
    {
      change: 'The overrides may re-route a time entry (`overrides.contractId`, with `overrides.reason`); v1 overrides never did, and are read as written.',
      addedFields: ['overrides.contractId', 'overrides.reason'],
    },
  ],
  ItemPosted: [
    {
      change:
        "A posting records the approver's overrides as given (`overrides`) and a re-routing (`routingOverride`); v1 postings are read with `overrides: null` (not recorded) and `routingOverride: null` (none).",
      addedFields: ['overrides', 'routingOverride'],
    },
  ],
};
