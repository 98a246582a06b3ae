import type Database from 'better-sqlite3';
import type { BillingEvent, ChargeData } from '@billing/domain';
import { accountTerms, contractTerms } from '@billing/domain/testing/fixtures';
import { billingItem } from '../../testing/billing-fixtures';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '../../testing/invoice-fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { findInvoiceDocument, invoiceExportRows, type InvoiceExportFilter } from './invoice-export.query';
import { invoicesProjection } from './invoices.projection';

const given = (events: BillingEvent[]) => projectionSpec(invoicesProjection).given(events);

const charge = (chargeId: string, billingCodeId: string | null): ChargeData => ({
  chargeId,
  accountId: 'acme',
  contractId: null,
  billingCodeId,
  name: 'Cables',
  date: '2026-11-02',
  quantity: '1',
  unitPrice: '10',
  unitCost: '0',
  billable: true,
  purchaseOrderNumber: null,
  resourceId: null,
});

// The catalog and sources: Acme Dental; contract `tm` "Support"; code `cables` (GL 4100) on charge
// ch-1, none on ch-2; code `m365` (no GL) on service `m365` of `tm`, so on its accrued period.
const catalog: BillingEvent[] = [
  { type: 'AccountCreated', data: accountTerms({ name: 'Acme Dental' }) },
  { type: 'ContractCreated', data: contractTerms({ contractId: 'tm', name: 'Support' }) },
  { type: 'BillingCodeCreated', data: { billingCodeId: 'cables', name: 'Cables & parts', type: 'material', taxCategory: null, glAccount: '4100' } },
  { type: 'BillingCodeCreated', data: { billingCodeId: 'm365', name: 'Microsoft 365', type: 'service', taxCategory: null, glAccount: null } },
  { type: 'ChargeRecorded', data: charge('ch-1', 'cables') },
  { type: 'ChargeRecorded', data: charge('ch-2', null) },
  {
    type: 'ServiceAdded',
    data: { contractId: 'tm', serviceId: 'm365', name: 'M365', units: '10', unitPrice: '20', unitCost: '12', billingCodeId: 'm365' },
  },
  {
    type: 'ServicePeriodAccrued',
    data: {
      contractId: 'tm',
      serviceId: 'm365',
      itemId: 'svc:tm:m365:2026-11-01',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      units: '10',
      unitPrice: '20',
      unitCost: '12',
      amount: '200.00',
      cost: '120.00',
    },
  },
];

const cables = billingItem({ billingItemId: 'bi-ch-1-1', sourceItemId: 'ch-1', itemDate: '2026-11-02' });
const other = billingItem({ billingItemId: 'bi-ch-2-1', sourceItemId: 'ch-2', itemDate: '2026-11-03', amount: '5.00', rate: '5' });
const period = billingItem({
  billingItemId: 'bi-svc-1',
  sourceItemId: 'svc:tm:m365:2026-11-01',
  sourceType: 'SERVICE_PERIOD',
  type: 'SERVICE_PERIOD',
  contractId: 'tm',
  itemDate: '2026-11-01',
  quantity: '10',
  rate: '20',
  amount: '200.00',
});
// INV-000001 (Nov 30): the period on `tm`, then the two charges; INV-000002 (Nov 15): a PO whose
// one item is left off (no lines); INV-000003 (Dec 31), void.
const november = invoiceGenerated('inv-acme-1', [period, cables, other]);
const noLines = invoiceGenerated('inv-acme-2', [], { purchaseOrderNumber: 'PO-9', invoiceDate: '2026-11-15', through: '2026-11-15', dueDate: '2026-12-15' });
const december = invoiceGenerated('inv-acme-3', [billingItem({ billingItemId: 'bi-ch-3-1', sourceItemId: 'ch-3' })], {
  invoiceDate: '2026-12-31',
  through: '2026-12-31',
  dueDate: '2027-01-30',
});

describe('invoice exports read model', () => {
  let db: Database.Database;
  beforeAll(async () => {
    db = await given([
      ...catalog,
      november,
      invoiceIssued('inv-acme-1', 1),
      noLines,
      invoiceIssued('inv-acme-2', 2),
      december,
      invoiceIssued('inv-acme-3', 3),
      invoiceVoided('inv-acme-3', 3, ['bi-ch-3-1']),
      // generated, not issued: in no export
      invoiceGenerated('inv-acme-4', [billingItem({ billingItemId: 'bi-ch-4-1', sourceItemId: 'ch-4' })]),
    ]).readModel();
  });
  afterAll(() => db.close());

  const rows = (filter: InvoiceExportFilter) => [...invoiceExportRows(db, filter)];
  const lineKeys = (filter: InvoiceExportFilter) => rows(filter).map((r) => [r.number, r.lineNo]);

  it('each line names its billing code, the code’s name and GL account, as the invoice was made: a charge’s own, a service period’s service’s', () => {
    expect(rows({ invoiceId: 'inv-acme-1' }).map((r) => [r.lineNo, r.type, r.billingCodeId, r.billingCodeName, r.glAccount])).toEqual([
      [1, 'SERVICE_PERIOD', 'm365', 'Microsoft 365', null],
      [2, 'CHARGE', 'cables', 'Cables & parts', '4100'],
      [3, 'CHARGE', null, null, null],
    ]);
  });

  it('a row carries its invoice’s header: number, status, bill-to id and name, dates, PO, currency', () => {
    expect(rows({ invoiceId: 'inv-acme-1' })[1]).toEqual({
      invoiceId: 'inv-acme-1',
      number: 'INV-000001',
      status: 'ISSUED',
      billToAccountId: 'acme',
      billToName: 'Acme Dental',
      invoiceDate: '2026-11-30',
      dueDate: '2026-12-30',
      purchaseOrderNumber: null,
      currency: 'USD',
      lineNo: 2,
      itemDate: '2026-11-02',
      type: 'CHARGE',
      billingCodeId: 'cables',
      billingCodeName: 'Cables & parts',
      glAccount: '4100',
      description: 'Charge',
      quantity: '1',
      rate: '10',
      amount: '10.00',
      tax: '0.00',
      taxCategoryId: null,
    });
  });

  it('a period: the invoices dated in it, by date then number, each line in order; an invoice without lines is one row', () => {
    expect(lineKeys({ from: '2026-11-01', to: '2026-11-30' })).toEqual([
      ['INV-000002', null],
      ['INV-000001', 1],
      ['INV-000001', 2],
      ['INV-000001', 3],
    ]);
    expect(rows({ from: '2026-11-15', to: '2026-11-15' })[0]).toMatchObject({ number: 'INV-000002', purchaseOrderNumber: 'PO-9', amount: null, tax: null });
  });

  it('a void invoice is exported with its status (its lines as they were); one not issued yet is not exported', () => {
    expect(rows({ from: '2026-12-01', to: '2026-12-31' }).map((r) => [r.number, r.status, r.amount])).toEqual([['INV-000003', 'VOID', '10.00']]);
    expect(rows({ invoiceId: 'inv-acme-4' })).toEqual([]);
    expect(lineKeys({ from: '2026-01-01', to: '2026-12-31' }).map(([number]) => number)).not.toContain(null);
  });

  it('the document: the invoice with its bill-to name and the names of its contracts', () => {
    const document = findInvoiceDocument(db, 'inv-acme-1')!;
    expect(document.billToName).toBe('Acme Dental');
    expect(document.contractNames).toEqual({ tm: 'Support' });
    expect(document.invoice.contractSubtotals.map((s) => s.contractId)).toEqual(['tm', null]);
    expect(findInvoiceDocument(db, 'inv-acme-4')).toBeUndefined();
  });
});
