import type Database from 'better-sqlite3';
import type { LedgerEvent } from '@billing/domain';
import { billingItem } from '../../testing/billing-fixtures';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '../../testing/invoice-fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { invoicesProjection } from './invoices.projection';
import { findInvoice, listInvoices, type InvoiceFilter } from './invoices.query';

const given = (events: LedgerEvent[]) => projectionSpec(invoicesProjection).given(events.map((event) => ({ event, streamId: 'ledger-acme' })));

// acme, PO-1: 2 h × $110 on T&M, tax 19.53; a $10.00 charge without a contract, tax 0.89
const labour = billingItem({
  billingItemId: 'bi-te-1-1',
  sourceItemId: 'te-1',
  sourceType: 'TIME_ENTRY',
  type: 'LABOR',
  contractId: 'tm',
  purchaseOrderNumber: 'PO-1',
  itemDate: '2026-11-05',
  quantity: '2',
  rate: '110',
  amount: '220.00',
  tax: '19.53',
  description: 'Server restore',
});
const charge = billingItem({ billingItemId: 'bi-ch-1-1', purchaseOrderNumber: 'PO-1', tax: '0.89' });
const first = invoiceGenerated('inv-acme-1', [labour, charge]);
// globex's December invoice, without a PO: $75.00
const second = invoiceGenerated('inv-globex-1', [billingItem({ billingItemId: 'bi-ch-2-1', billToAccountId: 'globex', amount: '75.00' })], {
  invoiceDate: '2026-12-31',
  through: '2026-12-31',
  dueDate: '2027-01-30',
});

describe('invoices read model', () => {
  it('an issued invoice: its number, lines in order, a subtotal per contract, and totals', async () => {
    await given([first, invoiceIssued('inv-acme-1', 1)]).then((db) => findInvoice(db, 'inv-acme-1'), {
      id: 'inv-acme-1',
      number: 'INV-000001',
      status: 'ISSUED',
      runId: 'run-1',
      billToAccountId: 'acme',
      purchaseOrderNumber: 'PO-1',
      invoiceDate: '2026-11-30',
      dueDate: '2026-12-30',
      through: '2026-11-30',
      currency: 'USD',
      lines: [
        expect.objectContaining({ billingItemId: 'bi-te-1-1', contractId: 'tm', type: 'LABOR', description: 'Server restore', quantity: '2', rate: '110' }),
        expect.objectContaining({ billingItemId: 'bi-ch-1-1', contractId: null, type: 'CHARGE', amount: '10.00', tax: '0.89' }),
      ],
      contractSubtotals: [
        { contractId: 'tm', subtotal: '220.00', tax: '19.53' },
        { contractId: null, subtotal: '10.00', tax: '0.89' },
      ],
      // 220.00 + 10.00 = 230.00; 19.53 + 0.89 = 20.42
      subtotal: '230.00',
      tax: '20.42',
      total: '250.42',
      void: null,
    });
  });

  it('an invoice still waiting for its number is not shown', async () => {
    const db = await given([first]).readModel();
    expect(findInvoice(db, 'inv-acme-1')).toBeUndefined();
    expect(listInvoices(db, {}, { limit: 10, offset: 0 })).toEqual({ rows: [], total: 0 });
    db.close();
  });

  it('a void invoice reads as it was but for its status and who voided it, when and why', async () => {
    const db = await given([first, invoiceIssued('inv-acme-1', 1), invoiceVoided('inv-acme-1', 1, ['bi-te-1-1', 'bi-ch-1-1'])]).readModel();
    const issued = await given([first, invoiceIssued('inv-acme-1', 1)]).readModel();
    const before = findInvoice(issued, 'inv-acme-1')!;
    expect(findInvoice(db, 'inv-acme-1')).toEqual({
      ...before,
      status: 'VOID',
      void: { reason: 'wrong PO', voidedBy: 'fin-1', voidedAt: '2026-12-02T10:00:00.000Z', unposted: false },
    });
    db.close();
    issued.close();
  });

  describe('the list', () => {
    let db: Database.Database;
    beforeAll(async () => {
      db = await given([
        first,
        invoiceIssued('inv-acme-1', 1),
        second,
        invoiceIssued('inv-globex-1', 2),
        invoiceVoided('inv-acme-1', 1, ['bi-te-1-1', 'bi-ch-1-1']),
      ]).readModel();
    });
    afterAll(() => db.close());
    const numbers = (filter: InvoiceFilter, page = { limit: 10, offset: 0 }) => {
      const { rows, total } = listInvoices(db, filter, page);
      return { numbers: rows.map((r) => r.number), total };
    };

    it('by number; each invoice without its lines, which it counts', () => {
      expect(numbers({})).toEqual({ numbers: ['INV-000001', 'INV-000002'], total: 2 });
      const [summary] = listInvoices(db, {}, { limit: 1, offset: 0 }).rows;
      expect(summary).toMatchObject({ id: 'inv-acme-1', lineCount: 2, total: '250.42', status: 'VOID' });
      expect(summary).not.toHaveProperty('lines');
    });

    it.each<[string, InvoiceFilter, string[]]>([
      ['the bill-to account', { accountId: 'globex' }, ['INV-000002']],
      ['the status', { status: 'VOID' }, ['INV-000001']],
      ['issued', { status: 'ISSUED' }, ['INV-000002']],
      ['invoice dates from', { from: '2026-12-01' }, ['INV-000002']],
      ['invoice dates to', { to: '2026-11-30' }, ['INV-000001']],
      ['the number', { number: 'INV-000002' }, ['INV-000002']],
    ])('filters by %s', (_case, filter, expected) => {
      expect(numbers(filter).numbers).toEqual(expected);
    });

    it('pages', () => {
      expect(numbers({}, { limit: 1, offset: 1 })).toEqual({ numbers: ['INV-000002'], total: 2 });
    });
  });
});
