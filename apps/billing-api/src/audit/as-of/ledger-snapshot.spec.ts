import type { BillingItemData, DomainEvent, ItemPosted, ItemUnposted } from '@billing/domain';
import { postedItem } from '@billing/domain/testing/fixtures';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '@billing/projections/testing/invoice-fixtures';
import { emptyLedgerFold, foldLedgerEvent, type LedgerFold } from './ledger-fold';
import { decodeLedgerFold, encodeLedgerFold } from './ledger-snapshot';
import { recordedEvents } from './recorded-events.spec-helper';

const charge = postedItem({ billingItemId: 'bi-ch-1-1', sourceItemId: 'ch-1', amount: '50.00' });
// te-1, 12 h on the block contract: 10 h covered from b1, 2 h overage at $140
const covered = postedItem({
  billingItemId: 'bi-te-1-1',
  sourceItemId: 'te-1',
  sourceType: 'TIME_ENTRY',
  type: 'LABOR',
  part: 'COVERED',
  contractId: 'blk',
  quantity: '10',
  rate: '0',
  amount: '0.00',
  covered: true,
  draws: [{ purchaseId: 'b1', kind: 'hours', quantity: '10' }],
});
const overage = postedItem({
  billingItemId: 'bi-te-1-2',
  sourceItemId: 'te-1',
  sourceType: 'TIME_ENTRY',
  type: 'LABOR_OVERAGE',
  part: 'OVERAGE',
  contractId: 'blk',
  quantity: '2',
  rate: '140',
  amount: '280.00',
});
const reposted = (item: BillingItemData, n: number) => ({ ...item, billingItemId: `bi-te-1-${n}` });
const posted = (data: BillingItemData): ItemPosted => ({ type: 'ItemPosted', data });
const unposted: ItemUnposted = {
  type: 'ItemUnposted',
  data: {
    sourceItemId: 'te-1',
    sourceType: 'TIME_ENTRY',
    billingItemIds: ['bi-te-1-1', 'bi-te-1-2'],
    returned: [{ purchaseId: 'b1', kind: 'hours', quantity: '10' }],
    reason: 'wrong block',
  },
};

// posted, invoiced, issued, voided with unpost, posted again and invoiced again
const ledgerEvents: DomainEvent[] = [
  posted(charge),
  posted(covered),
  posted(overage),
  invoiceGenerated('inv-1', [charge, covered, overage]),
  invoiceIssued('inv-1', 1),
  invoiceVoided('inv-1', 1, ['bi-ch-1-1', 'bi-te-1-1', 'bi-te-1-2'], true),
  unposted,
  posted(reposted(covered, 3)),
  posted(reposted(overage, 4)),
  invoiceGenerated('inv-2', [charge, reposted(covered, 3), reposted(overage, 4)], { runId: 'run-2' }),
];
const recorded = recordedEvents(ledgerEvents.map((event) => ({ event, streamId: 'ledger-acme' })));

/** Everything a fold answers from, data aside (a snapshot keeps that in the events). */
const view = (fold: LedgerFold) => ({
  revision: fold.revision,
  position: fold.position,
  eventId: fold.eventId,
  items: [...fold.state.items].map(([id, item]) => [id, item.status, item.invoiceId]),
  postedBySource: [...fold.state.postedBySource],
  everBySource: [...fold.state.everBySource],
  drawn: [...fold.state.drawn].map(([id, quantity]) => [id, quantity.toString()]),
  folded: fold.state.folded,
  invoices: [...fold.state.invoices].map(([id, invoice]) => [id, invoice.status, invoice.number, invoice.sequence, invoice.voided]),
  invoiceByRunKey: [...fold.state.invoiceByRunKey],
  itemFacts: [...fold.items],
  invoiceFacts: [...fold.invoices],
});

const foldAll = (events = recorded, from = emptyLedgerFold()) => events.reduce(foldLedgerEvent, from);
const snapshotOf = (fold: LedgerFold) =>
  decodeLedgerFold(encodeLedgerFold(fold), { revision: fold.revision, position: fold.position, eventId: fold.eventId!, recordedAt: fold.recordedAt! });

describe('a ledger snapshot', () => {
  it.each(Array.from({ length: recorded.length }, (_, i) => i + 1))(
    'taken after %i events and folded on from there, ends where the fold from the first event ends',
    (taken) => {
      // given: the ledger folded up to the snapshot, stored and read back
      const snapshot = snapshotOf(foldAll(recorded.slice(0, taken)));
      // when: the rest is folded on top of it with evolveLedger
      const resumed = foldAll(recorded.slice(taken), snapshot);
      // then
      expect(view(resumed)).toEqual(view(foldAll()));
    },
  );

  it('holds the statuses, draws, invoices and overage facts of the point it was taken at', () => {
    // given: posted, invoiced and issued (5 events)
    const snapshot = snapshotOf(foldAll(recorded.slice(0, 5)));
    // then
    expect(view(snapshot)).toMatchObject({
      revision: 4n,
      position: 5n,
      items: [
        ['bi-ch-1-1', 'POSTED', 'inv-1'],
        ['bi-te-1-1', 'POSTED', 'inv-1'],
        ['bi-te-1-2', 'POSTED', 'inv-1'],
      ],
      drawn: [['b1', '10']],
      invoices: [['inv-1', 'ISSUED', 'INV-000001', 1, null]],
      itemFacts: [
        ['bi-ch-1-1', { revision: 0n, overage: null }],
        ['bi-te-1-1', { revision: 1n, overage: null }],
        ['bi-te-1-2', { revision: 2n, overage: { contractId: 'blk', amount: '280.00' } }],
      ],
    });
    expect(snapshot.invoices.get('inv-1')).toMatchObject({ revision: 3n, lineCount: 3, itemCount: 3, header: { total: '330.00', runId: 'run-1' } });
  });

  it('reads back as it was written', () => {
    const fold = foldAll();
    expect(encodeLedgerFold(snapshotOf(fold))).toBe(encodeLedgerFold(fold));
  });

  it('keeps no item data: reading one fails loudly instead of answering a guess', () => {
    const snapshot = snapshotOf(foldAll());
    expect(() => snapshot.state.items.get('bi-ch-1-1')!.data.amount).toThrow(/read it from the event/);
    expect(() => snapshot.state.invoices.get('inv-1')!.data.total).toThrow(/read it from the event/);
  });
});
