import { randomUUID } from 'node:crypto';
import { currentSchemaVersion, ledgerDecider, ledgerStream, type BillToTaxContext, type LedgerEvent, type LedgerState, type PostItems } from '@billing/domain';
import type { EventMetadata, EventStore } from '@billing/event-store';

/** A charge to post straight to a ledger: no contract, billed to its own account. */
export interface ChargeToPost {
  id: string;
  itemDate: string;
  quantity: string;
  unitPrice: string;
  purchaseOrderNumber: string | null;
  description: string;
  /** The tax category its billing code would give it; null: untaxed. */
  taxCategoryId?: string | null;
}

/**
 * Posted charges written straight to the embedded store, for tests and benchmarks that need
 * thousands of posted items without logging each through HTTP: the ledger's own decider rates them
 * (`PostItems`, as Approve & Post decides it) and names the billing items, and the events go to the
 * ledger stream with the metadata `StreamDecisions` writes. Only the ledger is written: the charges'
 * own streams and id claims are not (nothing reads them once an item is posted, but an unpost).
 * One writer per ledger; it must be the only writer of that ledger while it is used.
 */
export class PostedChargesWriter {
  private state: LedgerState = ledgerDecider.initialState();
  private revision: bigint | 'no_stream' = 'no_stream';
  private postings = 0;

  constructor(
    private readonly store: EventStore,
    private readonly accountId: string,
    private readonly billTo: BillToTaxContext = { taxExempt: false, region: null },
  ) {}

  /** Posts the charges in one append (posted on `postedDate`); answers the global position of the append. */
  async post(charges: readonly ChargeToPost[], postedDate = '2026-11-30'): Promise<bigint> {
    this.postings += 1;
    const command: PostItems = {
      type: 'PostItems',
      postingId: `bench-${this.accountId}-${this.postings}`,
      billToAccountId: this.accountId,
      items: charges.map((c) => ({
        pending: {
          kind: 'CHARGE',
          id: c.id,
          contractId: null,
          itemDate: c.itemDate,
          quantity: c.quantity,
          unitPrice: c.unitPrice,
          unitCost: '0',
          billable: true,
          taxCategoryId: c.taxCategoryId ?? null,
        },
        source: {
          sourceType: 'CHARGE',
          accountId: this.accountId,
          purchaseOrderNumber: c.purchaseOrderNumber,
          description: c.description,
          approvedBy: 'bench',
          postedDate,
        },
      })),
      catalog: { roles: [], workTypes: [], contracts: [] },
      settings: { roundUpMinutes: 0, multiplyOverage: false },
      overrides: {},
      billTo: this.billTo,
    };
    const events = ledgerDecider.decide(command, this.state) as LedgerEvent[];
    const metadata: EventMetadata = {
      actor: 'bench',
      actorRole: 'finance',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
    };
    const result = await this.store.appendToStream(
      ledgerStream(this.accountId),
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { ...metadata, schemaVersion: currentSchemaVersion(event.type) },
      })),
      { expectedRevision: this.revision },
    );
    for (const event of events) this.state = ledgerDecider.evolve(this.state, event);
    this.revision = result.nextExpectedRevision;
    return result.position;
  }
}
