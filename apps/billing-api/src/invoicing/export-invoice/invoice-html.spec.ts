import type { InvoiceDocument } from '@billing/projections';
import { escapeHtml, grouped, invoiceHtml } from './invoice-html';

const document = (overrides: Partial<InvoiceDocument['invoice']> = {}, billToName = 'Acme Dental'): InvoiceDocument => ({
  billToName,
  contractNames: { tm: 'Support <b>plan</b>' },
  invoice: {
    id: 'inv-acme-1',
    number: 'INV-000001',
    status: 'ISSUED',
    runId: 'run-1',
    billToAccountId: 'acme',
    purchaseOrderNumber: 'PO-1',
    invoiceDate: '2026-11-30',
    dueDate: '2026-12-15',
    through: '2026-11-30',
    currency: 'USD',
    lines: [
      {
        billingItemId: 'bi-te-1-1',
        sourceItemId: 'te-1',
        accountId: 'acme',
        contractId: 'tm',
        type: 'LABOR',
        description: 'Server restore',
        itemDate: '2026-11-18',
        quantity: '2',
        rate: '110',
        amount: '220.00',
        tax: '19.53',
        taxCategoryId: 'labour',
      },
      {
        billingItemId: 'bi-ch-1-1',
        sourceItemId: 'ch-1',
        accountId: 'acme',
        contractId: null,
        type: 'CHARGE',
        description: 'Switch',
        itemDate: '2026-11-19',
        quantity: '1',
        rate: '1250',
        amount: '1250.00',
        tax: '0.00',
        taxCategoryId: null,
      },
    ],
    contractSubtotals: [
      { contractId: 'tm', subtotal: '220.00', tax: '19.53' },
      { contractId: null, subtotal: '1250.00', tax: '0.00' },
    ],
    subtotal: '1470.00',
    tax: '19.53',
    total: '1489.53',
    void: null,
    ...overrides,
  },
});

/** The page's text, tags taken out and white space folded: what a reader sees. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the printable invoice', () => {
  it('shows the number, dates, bill-to name, PO, each contract’s lines and subtotal, subtotal, tax and total', () => {
    const text = textOf(invoiceHtml(document()));
    expect(text).toContain('Invoice INV-000001');
    expect(text).toContain('Bill to Acme Dental');
    expect(text).toContain('Invoice date 2026-11-30 Due date 2026-12-15 Purchase order PO-1');
    expect(text).toContain(
      'Support &lt;b&gt;plan&lt;/b&gt; 2026-11-18 Server restore 2 110 220.00 19.53 Subtotal, Support &lt;b&gt;plan&lt;/b&gt; 220.00 19.53',
    );
    expect(text).toContain('Other items 2026-11-19 Switch 1 1,250 1,250.00 0.00 Subtotal, Other items 1,250.00 0.00');
    expect(text).toContain('Subtotal 1,470.00 Tax 19.53 Total USD 1,489.53');
    expect(text).not.toContain('VOID');
  });

  it('a void invoice is marked VOID, in its title, its header and across the page', () => {
    const html = invoiceHtml(
      document({ status: 'VOID', void: { reason: 'wrong PO', voidedBy: 'fin-1', voidedAt: '2026-12-02T10:00:00.000Z', unposted: false } }),
    );
    expect(html).toContain('<title>Invoice INV-000001 (VOID)</title>');
    expect(html).toContain('<p class="void-mark">VOID</p>');
    expect(html).toContain('<div class="watermark" aria-hidden="true">VOID</div>');
    expect(textOf(html)).toContain('This invoice was voided on 2026-12-02');
  });

  it('names and descriptions cannot add markup or script: every one is escaped', () => {
    // given: a bill-to name, a PO and a description that try to inject markup
    const hostile = document(
      {
        purchaseOrderNumber: '"><img src=x onerror=alert(1)>',
        lines: [{ ...document().invoice.lines[1], description: '</td><script>alert("x")</script>' }],
        contractSubtotals: [{ contractId: null, subtotal: '1250.00', tax: '0.00' }],
      },
      `<script>alert('acme')</script> & Co`,
    );
    // when
    const html = invoiceHtml(hostile);
    // then: no script element and no attribute but the page's own
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;acme&#39;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes the five characters of HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('groups thousands of money without changing a digit', () => {
    expect([grouped('0.00'), grouped('999.99'), grouped('1000.00'), grouped('-1234567.50'), grouped('12345678')]).toEqual([
      '0.00',
      '999.99',
      '1,000.00',
      '-1,234,567.50',
      '12,345,678',
    ]);
  });

  it('an invoice without lines says so', () => {
    expect(textOf(invoiceHtml(document({ lines: [], contractSubtotals: [], subtotal: '0.00', tax: '0.00', total: '0.00' })))).toContain('No lines');
  });
});
