import { ServerResponse } from 'node:http';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { dec } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { CHUNK_CHARS } from '../apps/billing-api/src/http/file-answer';
import { csvObjects, parseCsv } from './support/csv';
import { ok, post, postAcmesMonth, setUpCatalog } from './support/invoicing-fixture';
import { PostedChargesWriter } from './support/posted-charges';
import { startTestApp, type TestApp } from './support/test-app';

/** A superagent parser that keeps the body as text, whatever its type. */
function asText(res: unknown, done: (error: Error | null, body: string) => void): void {
  const stream = res as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}

const HEADER =
  'InvoiceNumber,Status,Customer,CustomerId,InvoiceDate,DueDate,PurchaseOrder,Currency,Line,ServiceDate,ItemType,BillingCode,BillingCodeName,GLAccount,Description,Quantity,Rate,Amount,TaxCategory,Tax';

/** billing-rules §10, "Export": an invoice as JSON, CSV and a printable page; the accounting export. */
describe('invoice exports', () => {
  let t: TestApp;
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();
  const text = async (url: string, key?: string): Promise<Response> => t.as(key).get(url).buffer(true).parse(asText);

  beforeAll(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
    // acme: INV-000001 (PO-1), INV-000002 (PO-2: te-3 $220.00 + tax $19.53, ch-2 $30.00), INV-000003 (no PO: ch-1 $50.00)
    await postAcmesMonth(t);
    // a customer whose name and work try to inject formulas and markup: INV-000004
    await ok(t, 'post', '/api/billing-codes', { id: 'hw', name: 'Hardware', type: 'material', glAccount: '4100' });
    await ok(t, 'post', '/api/accounts', { id: 'hostile', name: '=HYPERLINK("http://evil.test","Pay") <script>alert(1)</script>' });
    await ok(t, 'post', '/api/charges', {
      id: 'hx-1',
      accountId: 'hostile',
      billingCodeId: 'hw',
      name: 'Cat6, "blue" <img src=x onerror=alert(1)>',
      date: '2026-11-10',
      quantity: '3',
      unitPrice: '12.5',
    });
    await ok(t, 'post', '/api/charges', { id: 'hx-2', accountId: 'hostile', name: '@risk review', date: '2026-11-11', quantity: '1', unitPrice: '100' });
    await post(t, ['hx-1', 'hx-2']);
    await ok(t, 'post', '/api/invoice-runs', { id: 'run-nov', invoiceDate: '2026-11-30' });
  });
  afterAll(async () => t.dispose());

  describe('one invoice', () => {
    it('as JSON: the invoice as GET /api/invoices/:id answers it, with its bill-to and contract names, a file named after its number', async () => {
      const invoice = (await t.as().get('/api/invoices/inv-acme-2').expect(200)).body;
      const res = await t.as().get('/api/invoices/inv-acme-2/export?format=json').expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="INV-000002.json"');
      expect(res.body).toEqual({ ...invoice, billToName: 'Account acme', contractNames: { 'acme-tm': 'T&M' } });
      // json is the default
      expect((await t.as().get('/api/invoices/inv-acme-2/export').expect(200)).body).toEqual(res.body);
    });

    it('as CSV: a record per line, with the columns of the accounting export', async () => {
      const res = await text('/api/invoices/inv-acme-2/export?format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="INV-000002.csv"');
      // te-3: 2 h × $110 = $220.00, tax 8.875% = $19.53; ch-2: 1 × $30.00 with PO-2 of its own; due 15 days after
      expect(res.body).toBe(
        `${HEADER}\r\n` +
          'INV-000002,ISSUED,Account acme,acme,2026-11-30,2026-12-15,PO-2,USD,1,2026-11-18,LABOR,,,,"Labour, 2026-11-18",2,110,220.00,labour,19.53\r\n' +
          'INV-000002,ISSUED,Account acme,acme,2026-11-30,2026-12-15,PO-2,USD,2,2026-11-20,CHARGE,,,,Licence,1,30,30.00,,0.00\r\n',
      );
    });

    it('as HTML: the invoice as the customer reads it, each contract’s lines with its subtotal, printable and self-contained', async () => {
      const res = await text('/api/invoices/inv-acme-1/export?format=html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('inline; filename="INV-000001.html"');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
      const page = res.body
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      expect(page).toContain('Invoice INV-000001');
      expect(page).toContain('Bill to Account acme');
      expect(page).toContain('Invoice date 2026-11-30 Due date 2026-12-15 Purchase order PO-1 Currency USD');
      // the block purchase and te-2 on the block; te-1 covered by the recurring contract (te-4 is left off)
      expect(page).toContain('Block 2026-11-01 Block of 10 hours, 2026-11-01 to 2026-11-30 10 100 1,000.00 0.00 2026-11-17 Labour, 2026-11-17 3 0 0.00 0.00');
      expect(page).toContain('Subtotal, Block 1,000.00 0.00 Managed services 2026-11-16 Labour, 2026-11-16 2 0 0.00 0.00 Subtotal, Managed services 0.00 0.00');
      expect(page).toContain('Subtotal 1,000.00 Tax 0.00 Total USD 1,000.00');
      expect(res.body).not.toMatch(/<script|<link|src=|href=/i);
    });

    it('as HTML, names and descriptions are text, never markup', async () => {
      const res = await text('/api/invoices/inv-hostile-1/export?format=html');
      expect(res.body).not.toMatch(/<script|<img/i);
      expect(res.body).toContain('=HYPERLINK(&quot;http://evil.test&quot;,&quot;Pay&quot;) &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(res.body).toContain('Cat6, &quot;blue&quot; &lt;img src=x onerror=alert(1)&gt;');
    });

    it('pdf is not available yet (400 naming the formats there are); another format is 400; an unknown invoice 404', async () => {
      const pdf = await t.as().get('/api/invoices/inv-acme-1/export?format=pdf').expect(400);
      expect(pdf.body).toEqual({ error: 'validation', details: [{ field: 'format', message: 'format must be json, csv or html (pdf is not available yet)' }] });
      expect((await t.as().get('/api/invoices/inv-acme-1/export?format=xml').expect(400)).body.details[0].field).toBe('format');
      expect((await t.as().get('/api/invoices/inv-acme-1/export?format=csv&format=json').expect(400)).body.details[0].field).toBe('format');
      expect((await t.as().get('/api/invoices/inv-nobody-1/export?format=html').expect(404)).body).toMatchObject({ error: 'not_found' });
    });
  });

  describe('the accounting export', () => {
    const november = '/api/exports/accounting?from=2026-11-01&to=2026-11-30&format=csv';

    it('a record per line of every invoice dated in the period, by date and number, as a CSV file', async () => {
      const res = await text(november);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="accounting-2026-11-01-2026-11-30.csv"');
      const records = csvObjects(res.body);
      expect(records.map((r) => [r.InvoiceNumber, r.Line, r.ItemType, r.Amount, r.Tax])).toEqual([
        ['INV-000001', '1', 'BLOCK_PURCHASE', '1000.00', '0.00'],
        ['INV-000001', '2', 'LABOR', '0.00', '0.00'],
        ['INV-000001', '3', 'LABOR', '0.00', '0.00'],
        ['INV-000002', '1', 'LABOR', '220.00', '19.53'],
        ['INV-000002', '2', 'CHARGE', '30.00', '0.00'],
        ['INV-000003', '1', 'CHARGE', '50.00', '0.00'],
        ['INV-000004', '1', 'CHARGE', '37.50', '0.00'],
        ['INV-000004', '2', 'CHARGE', '100.00', '0.00'],
      ]);
      // the format may be left out
      expect((await text('/api/exports/accounting?from=2026-11-01&to=2026-11-30')).body).toBe(res.body);
    });

    it('cells that start like a formula get an apostrophe; commas and quotes are quoted; a charge names its billing code and GL account', async () => {
      const res = await text(november);
      const hostile = (res.body as string).split('\r\n').filter((line) => line.startsWith('INV-000004'));
      // 3 × $12.50 = $37.50; the account's default terms: 30 days
      expect(hostile).toEqual([
        `INV-000004,ISSUED,"'=HYPERLINK(""http://evil.test"",""Pay"") <script>alert(1)</script>",hostile,2026-11-30,2026-12-30,,USD,1,2026-11-10,CHARGE,hw,Hardware,4100,"Cat6, ""blue"" <img src=x onerror=alert(1)>",3,12.5,37.50,,0.00`,
        'INV-000004,ISSUED,"\'=HYPERLINK(""http://evil.test"",""Pay"") <script>alert(1)</script>",hostile,2026-11-30,2026-12-30,,USD,2,2026-11-11,CHARGE,,,,\'@risk review,1,100,100.00,,0.00',
      ]);
    });

    it('a period without invoices is the header alone; invoices outside the period are not in it', async () => {
      expect((await text('/api/exports/accounting?from=2026-12-01&to=2026-12-31')).body).toBe(`${HEADER}\r\n`);
      expect(parseCsv((await text('/api/exports/accounting?from=2026-11-30&to=2026-11-30')).body)).toHaveLength(9);
    });

    it.each([
      ['from missing', '?to=2026-11-30', 'from'],
      ['to missing', '?from=2026-11-01', 'to'],
      ['from malformed', '?from=2026-11-1&to=2026-11-30', 'from'],
      ['to not in the calendar', '?from=2026-11-01&to=2026-11-31', 'to'],
      ['to before from', '?from=2026-11-30&to=2026-11-01', 'to'],
      ['another format', '?from=2026-11-01&to=2026-11-30&format=json', 'format'],
      ['an unknown parameter', '?from=2026-11-01&to=2026-11-30&accountId=acme', 'accountId'],
    ])('%s: 400 naming the field, nothing written', async (_case, query, field) => {
      const before = await head();
      const res = await t.as().get(`/api/exports/accounting${query}`).expect(400);
      expect(res.body.error).toBe('validation');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await head()).toBe(before);
    });

    it('to before from says so', async () => {
      const res = await t.as().get('/api/exports/accounting?from=2026-11-30&to=2026-11-01').expect(400);
      expect(res.body.details).toEqual([{ field: 'to', message: 'to (2026-11-01) must not be before from (2026-11-30)' }]);
    });

    it('finance and the auditor may export; a technician may not', async () => {
      const auditor = await t.keyFor('auditor');
      expect((await text(november, auditor)).status).toBe(200);
      expect((await text('/api/invoices/inv-acme-1/export?format=html', auditor)).status).toBe(200);
      const technician = await t.keyFor('technician');
      expect((await text(november, technician)).status).toBe(403);
      expect((await text('/api/invoices/inv-acme-1/export', technician)).status).toBe(403);
    });

    it('a void invoice stays in the export with its number and lines, status VOID, quantity, amount and tax 0; its page is marked VOID', async () => {
      // when
      await ok(t, 'post', '/api/invoices/inv-acme-3/void', { reason: 'billed to the wrong customer' });
      // then
      const records = csvObjects((await text(november)).body).filter((r) => r.InvoiceNumber === 'INV-000003');
      expect(records).toEqual([
        expect.objectContaining({ Status: 'VOID', Line: '1', Description: 'Cables', Quantity: '0', Rate: '25', Amount: '0.00', Tax: '0.00' }),
      ]);
      const page = (await text('/api/invoices/inv-acme-3/export?format=html')).body;
      expect(page).toContain('<title>Invoice INV-000003 (VOID)</title>');
      expect(page).toContain('<p class="void-mark">VOID</p>');
    });
  });
});

/**
 * The accounting export for a month sums to that month's invoices: for random charges (accounts
 * taxed at 8.875%, tax exempt, without a region; random quantities, prices, POs and dates; some
 * invoices voided), posted and invoiced, amount + tax of each invoice's records = its total (0 for
 * a void one), and every invoice of the month is there.
 */
describe('the accounting export for a month sums to that month’s invoices (property)', () => {
  let t: TestApp;
  let execution = 0;

  beforeAll(async () => {
    t = await startTestApp();
    await ok(t, 'post', '/api/tax-regions', { id: 'ny', name: 'New York', rates: [{ taxCategory: 'goods', name: 'NY sales tax', rate: '0.08875' }] });
    await ok(t, 'post', '/api/billing-codes', { id: 'taxed', name: 'Taxed goods', type: 'material', taxCategory: 'goods', glAccount: '4000' });
    await ok(t, 'post', '/api/accounts', { id: 'p-ny', name: 'NY customer', taxRegionId: 'ny', paymentTermsDays: 10 });
    await ok(t, 'post', '/api/accounts', { id: 'p-exempt', name: 'Exempt, Inc.', taxRegionId: 'ny', taxExempt: true });
    await ok(t, 'post', '/api/accounts', { id: 'p-none', name: 'No region' });
  });
  afterAll(async () => t.dispose());

  const charge = fc.record({
    accountId: fc.constantFrom('p-ny', 'p-exempt', 'p-none'),
    day: fc.integer({ min: 1, max: 28 }),
    quantity: fc.constantFrom('1', '2', '3', '0.5', '1.25', '10'),
    cents: fc.integer({ min: 0, max: 2_000_000 }),
    purchaseOrderNumber: fc.constantFrom(null, 'PO-A', 'PO-B'),
    taxed: fc.boolean(),
  });

  it('amount + tax of each invoice’s records is its total', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(charge, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 6 }), async (charges, voids) => {
        // given: a month of its own for each execution (shrinking runs it again)
        execution += 1;
        const start = new Date(Date.UTC(2030, execution, 1));
        const month = start.toISOString().slice(0, 7);
        const last = new Date(Date.UTC(2030, execution + 1, 0)).toISOString().slice(0, 10);
        const ids: string[] = [];
        for (const [i, c] of charges.entries()) {
          const id = `x${execution}-${i}`;
          ids.push(id);
          await ok(t, 'post', '/api/charges', {
            id,
            accountId: c.accountId,
            name: `Item ${i}`,
            date: `${month}-${String(c.day).padStart(2, '0')}`,
            quantity: c.quantity,
            unitPrice: dec(c.cents).div(100).toFixed(2),
            ...(c.purchaseOrderNumber ? { purchaseOrderNumber: c.purchaseOrderNumber } : {}),
            ...(c.taxed ? { billingCodeId: 'taxed' } : {}),
          });
        }
        await ok(t, 'post', '/api/approve-and-post', { itemIds: ids, postedDate: last });
        const run = await ok(t, 'post', '/api/invoice-runs', { id: `run-${execution}`, invoiceDate: last });
        const invoices = run.invoices as { id: string; number: string; total: string }[];
        for (const [i, invoice] of invoices.entries()) {
          if (voids[i]) await ok(t, 'post', `/api/invoices/${invoice.id}/void`, { reason: 'property' });
        }
        // when
        const res = await t.as().get(`/api/exports/accounting?from=${month}-01&to=${last}`).buffer(true).parse(asText);
        // then
        const records = csvObjects(res.body as string);
        const sums = new Map<string, ReturnType<typeof dec>>();
        for (const r of records) sums.set(r.InvoiceNumber, (sums.get(r.InvoiceNumber) ?? dec(0)).plus(r.Amount).plus(r.Tax));
        const expected = invoices.map((invoice, i) => [invoice.number, voids[i] ? '0.00' : invoice.total]);
        const exported = [...sums].map(([number, sum]) => [number, sum.toFixed(2)]);
        expect(exported).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });
});

/** The accounting export is written as it is read: a large one goes out in many chunks, none much over CHUNK_CHARS. */
describe('the accounting export streams', () => {
  let t: TestApp;
  const LINES = 3000;

  beforeAll(async () => {
    t = await startTestApp();
    await ok(t, 'post', '/api/accounts', { id: 'big', name: 'Big Customer' });
    const writer = new PostedChargesWriter(t.app.get<EventStore>(EVENT_STORE), 'big');
    for (let batch = 0; batch < LINES / 1000; batch++) {
      await writer.post(
        Array.from({ length: 1000 }, (_, i) => ({
          id: `big-${batch}-${i}`,
          itemDate: '2026-11-15',
          quantity: '1',
          unitPrice: '9.99',
          purchaseOrderNumber: null,
          description: `Licence ${batch}-${i} for the month of November, per user`,
        })),
      );
    }
    await t.caughtUp();
    await ok(t, 'post', '/api/invoice-runs', { id: 'run-big', invoiceDate: '2026-11-30' });
  });
  afterAll(async () => t.dispose());

  it(`an export of ${LINES} lines is written in several chunks, each about ${CHUNK_CHARS} characters at most`, async () => {
    // given: every write of every answer, watched
    const write = jest.spyOn(ServerResponse.prototype, 'write');
    try {
      // when
      const res = await t.as().get('/api/exports/accounting?from=2026-11-01&to=2026-11-30').buffer(true).parse(asText);
      // then
      const records = csvObjects(res.body as string);
      expect(records).toHaveLength(LINES);
      expect(records.reduce((sum, r) => sum.plus(r.Amount), dec(0)).toFixed(2)).toBe('29970.00');
      expect(res.headers['transfer-encoding']).toBe('chunked');
      const chunks = write.mock.calls.map(([chunk]) => String(chunk)).filter((chunk) => chunk.includes('INV-000001,ISSUED,Big Customer'));
      expect(chunks.join('')).toBe(res.body);
      expect(chunks.length).toBeGreaterThan(3);
      for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_CHARS + 300);
    } finally {
      write.mockRestore();
    }
  });
});
