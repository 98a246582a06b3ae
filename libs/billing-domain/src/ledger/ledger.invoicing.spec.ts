import { coveredLabour, posted, postedItem } from '../invoicing/invoicing-fixtures.spec-helper';
import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { ledgerDecider } from './ledger.decider';
import type { InvoiceGenerated, LedgerEvent } from './ledger.events';
import type { GenerateInvoices, VoidInvoice } from './ledger.invoicing';

const ledger = deciderSpec(ledgerDecider);

const generate = (overrides: Partial<GenerateInvoices> = {}): GenerateInvoices => ({
  type: 'GenerateInvoices',
  runId: 'run-1',
  billToAccountId: 'acme',
  invoiceDate: '2026-11-30',
  through: '2026-11-30',
  paymentTermsDays: 30,
  currency: 'USD',
  showOnInvoice: {},
  ...overrides,
});
const voidInvoice = (overrides: Partial<VoidInvoice> = {}): VoidInvoice => ({
  type: 'VoidInvoice',
  invoiceId: 'inv-acme-1',
  reason: 'wrong PO',
  voidedBy: 'fin-1',
  voidedAt: '2026-12-02T10:00:00.000Z',
  unpost: false,
  ...overrides,
});

// Three charges of acme: two on PO-1 (one dated in December), one without a PO.
const ch1 = postedItem({ billingItemId: 'bi-ch-1-1', sourceItemId: 'ch-1', purchaseOrderNumber: 'PO-1', itemDate: '2026-11-02' });
const ch2 = postedItem({ billingItemId: 'bi-ch-2-1', sourceItemId: 'ch-2', purchaseOrderNumber: null, itemDate: '2026-11-20', amount: '25.50' });
const ch3 = postedItem({ billingItemId: 'bi-ch-3-1', sourceItemId: 'ch-3', purchaseOrderNumber: 'PO-1', itemDate: '2026-12-01' });
const postings: LedgerEvent[] = [posted(ch1), posted(ch2), posted(ch3)];

/** The invoices a decision generated, as [id, PO, items]. */
const invoicesOf = (events: LedgerEvent[]) =>
  (events as InvoiceGenerated[]).map((e) => [e.data.invoiceId, e.data.purchaseOrderNumber, e.data.items.map((i) => i.billingItemId)]);

describe('ledger: invoicing (billing-rules §10)', () => {
  it('a run claims the posted, uninvoiced items dated up to through: one invoice per PO, the items without a PO their own', () => {
    const events = ledger.given(postings).when(generate()).events();
    expect(invoicesOf(events)).toEqual([
      ['inv-acme-1', 'PO-1', ['bi-ch-1-1']],
      ['inv-acme-2', null, ['bi-ch-2-1']],
    ]);
    expect(events[1].data).toMatchObject({
      runId: 'run-1',
      billToAccountId: 'acme',
      invoiceDate: '2026-11-30',
      through: '2026-11-30',
      dueDate: '2026-12-30', // 30 days of payment terms
      currency: 'USD',
      subtotal: '25.50',
      tax: '0.00',
      total: '25.50',
    });
  });

  it('claimed items are invoiced: another run leaves them, and takes only what is left', () => {
    const first = ledger.given(postings).when(generate()).events();
    const second = ledger
      .given([...postings, ...first])
      .when(generate({ runId: 'run-2', invoiceDate: '2026-12-31', through: '2026-12-31' }))
      .events();
    expect(invoicesOf(second)).toEqual([['inv-acme-3', 'PO-1', ['bi-ch-3-1']]]);
    ledger
      .given([...postings, ...first, ...second])
      .when(generate({ runId: 'run-3', invoiceDate: '2026-12-31', through: '2026-12-31' }))
      .then([]);
  });

  it('a run sent again makes no second invoice for a PO it invoiced, even if items were posted since', () => {
    const first = ledger.given(postings).when(generate()).events();
    const ch4 = postedItem({ billingItemId: 'bi-ch-4-1', sourceItemId: 'ch-4', purchaseOrderNumber: 'PO-1', itemDate: '2026-11-25' });
    ledger
      .given([...postings, ...first, posted(ch4)])
      .when(generate())
      .then([]);
  });

  it('a run whose through is after its invoice date is refused', () => {
    ledger
      .given(postings)
      .when(generate({ through: '2026-12-01' }))
      .then(rule('through-after-invoice-date'));
  });

  it('labour left off the invoice (showOnInvoice false) is claimed all the same', () => {
    const internal = coveredLabour('te-1', 'internal', { noCharge: true, covered: false });
    const [invoice] = ledger
      .given([posted(internal)])
      .when(generate({ showOnInvoice: { internal: false } }))
      .events() as InvoiceGenerated[];
    expect(invoice.data).toMatchObject({ lines: [], items: [{ billingItemId: 'bi-te-1-1' }], total: '0.00' });
  });

  describe('issue and void', () => {
    const generated = ledger.given(postings).when(generate()).events();
    const issued: LedgerEvent[] = [
      { type: 'InvoiceIssued', data: { invoiceId: 'inv-acme-1', number: 'INV-000007', sequence: 7 } },
      { type: 'InvoiceIssued', data: { invoiceId: 'inv-acme-2', number: 'INV-000008', sequence: 8 } },
    ];
    const history = [...postings, ...generated, ...issued];

    it('an invoice is issued with the number assigned to it, once', () => {
      ledger
        .given([...postings, ...generated])
        .when({ type: 'IssueInvoices', numbers: [{ invoiceId: 'inv-acme-1', number: 'INV-000007', sequence: 7 }] })
        .then([issued[0]]);
      ledger
        .given(history)
        .when({ type: 'IssueInvoices', numbers: [{ invoiceId: 'inv-acme-1', number: 'INV-000007', sequence: 7 }] })
        .then([]);
      ledger
        .given(history)
        .when({ type: 'IssueInvoices', numbers: [{ invoiceId: 'inv-acme-1', number: 'INV-000009', sequence: 9 }] })
        .then(conflict('invoice-numbered'));
    });

    it('an invoiced item cannot be unposted: 422, void the invoice first', () => {
      ledger.given(history).when({ type: 'UnpostItem', billingItemId: 'bi-ch-1-1', reason: 'x' }).then(rule('item-invoiced'));
    });

    it('a void keeps the number and gives the items back to be invoiced: the next run invoices them again', () => {
      const voided = ledger.given(history).when(voidInvoice()).events();
      expect(voided).toEqual([
        {
          type: 'InvoiceVoided',
          data: {
            invoiceId: 'inv-acme-1',
            number: 'INV-000007',
            reason: 'wrong PO',
            voidedBy: 'fin-1',
            voidedAt: '2026-12-02T10:00:00.000Z',
            billingItemIds: ['bi-ch-1-1'],
            unpost: false,
          },
        },
      ]);
      const state = ledger.given([...history, ...voided]).state();
      expect(state.invoices.get('inv-acme-1')).toMatchObject({ status: 'VOID', number: 'INV-000007', voided: { reason: 'wrong PO' } });
      expect(state.items.get('bi-ch-1-1')!.invoiceId).toBeNull();
      const again = ledger
        .given([...history, ...voided])
        .when(generate({ runId: 'run-2' }))
        .events();
      expect(invoicesOf(again)).toEqual([['inv-acme-3', 'PO-1', ['bi-ch-1-1']]]);
    });

    it('voiding a void invoice is a conflict; an unknown invoice, or one not issued yet, is not found; a void needs a reason', () => {
      const voided = ledger.given(history).when(voidInvoice()).events();
      ledger
        .given([...history, ...voided])
        .when(voidInvoice())
        .then(conflict('invoice-void'));
      ledger
        .given(history)
        .when(voidInvoice({ invoiceId: 'inv-acme-9' }))
        .then(notFound('invoice', 'inv-acme-9'));
      ledger
        .given([...postings, ...generated])
        .when(voidInvoice())
        .then(notFound('invoice', 'inv-acme-1'));
      ledger
        .given(history)
        .when(voidInvoice({ reason: '  ' }))
        .then(rule('reason-required'));
    });

    it('void and unpost: the same append unposts each item, giving back what it drew', () => {
      const block = coveredLabour('te-1', 'onsite', {
        contractId: 'blk',
        purchaseOrderNumber: 'PO-1',
        draws: [{ purchaseId: 'b1', kind: 'hours', quantity: '2' }],
      });
      const base: LedgerEvent[] = [
        posted(block),
        ...ledger
          .given([posted(block)])
          .when(generate())
          .events(),
      ];
      const withNumber: LedgerEvent[] = [...base, { type: 'InvoiceIssued', data: { invoiceId: 'inv-acme-1', number: 'INV-000001', sequence: 1 } }];
      const events = ledger
        .given(withNumber)
        .when(voidInvoice({ unpost: true }))
        .events();
      expect(events.map((e) => e.type)).toEqual(['InvoiceVoided', 'ItemUnposted']);
      expect(events[1].data).toEqual({
        sourceItemId: 'te-1',
        sourceType: 'TIME_ENTRY',
        billingItemIds: ['bi-te-1-1'],
        returned: [{ purchaseId: 'b1', kind: 'hours', quantity: '2' }],
        reason: 'wrong PO',
      });
      const state = ledger.given([...withNumber, ...events]).state();
      expect(state.items.get('bi-te-1-1')).toMatchObject({ status: 'UNPOSTED', invoiceId: null });
      expect(state.drawn.get('b1')!.toFixed()).toBe('0');
    });
  });
});
