import type { InvoiceLine } from '@billing/domain';
import type { InvoiceDocument } from '@billing/projections';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML shows it, in an element or a quoted attribute: nothing in it is markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);

/** A decimal string with thousands separators, for reading (`-1234567.50` → `-1,234,567.50`); digits unchanged. */
export function grouped(decimal: string): string {
  const [, sign, whole, fraction] = /^(-?)(\d+)(\.\d+)?$/.exec(decimal) ?? [];
  if (whole === undefined) return decimal;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ?? ''}`;
}

/** The page's own styles: nothing is fetched, so it prints the same anywhere (the answer's CSP allows no other source). */
const STYLE = `
  body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 0; }
  main { max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; position: relative; }
  header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #111; }
  h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
  .void-mark { color: #b00020; font-size: 1.8rem; font-weight: 700; letter-spacing: .2em; border: 3px solid #b00020; padding: 0 .5rem; }
  .watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 10rem; font-weight: 700;
    color: rgba(176, 0, 32, .12); transform: rotate(-30deg); pointer-events: none; }
  .parties { display: flex; justify-content: space-between; gap: 2rem; margin: 1.5rem 0; }
  dl { display: grid; grid-template-columns: auto auto; gap: .2rem 1rem; margin: 0; }
  dt { color: #555; } dd { margin: 0; }
  h2 { font-size: 1rem; color: #555; margin: 0 0 .3rem; font-weight: 400; }
  table { width: 100%; border-collapse: collapse; }
  th, td { padding: .35rem .5rem; vertical-align: top; }
  thead th { text-align: left; border-bottom: 1px solid #111; }
  .num { text-align: right; white-space: nowrap; }
  .contract th { text-align: left; padding-top: 1rem; border-bottom: 1px solid #ccc; }
  .subtotal td { border-top: 1px solid #ccc; font-style: italic; }
  tfoot td { border-top: 1px solid #111; }
  tfoot .total td { font-weight: 700; border-top: 2px solid #111; }
  .description { white-space: pre-line; }
  @media print { main { margin: 0; max-width: none; } @page { margin: 15mm; } thead { display: table-header-group; } tr { break-inside: avoid; } }
`;

/** The Content-Security-Policy of the page: its own styles, nothing else (no script, no fetch, no frame). */
export const INVOICE_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const money = (amount: string) => escapeHtml(grouped(amount));

function lineRows(lines: readonly InvoiceLine[]): string {
  return lines
    .map(
      (line) => `<tr>
        <td>${escapeHtml(line.itemDate)}</td>
        <td class="description">${escapeHtml(line.description)}</td>
        <td class="num">${escapeHtml(line.quantity)}</td>
        <td class="num">${money(line.rate)}</td>
        <td class="num">${money(line.amount)}</td>
        <td class="num">${money(line.tax)}</td>
      </tr>`,
    )
    .join('');
}

/** The lines under each contract's name, with its subtotal, in the invoice's order (the lines without a contract last). */
function contractSections({ invoice, contractNames }: InvoiceDocument): string {
  if (invoice.lines.length === 0) return '<tbody><tr><td colspan="6">No lines: every item of this invoice charges nothing and is not shown.</td></tr></tbody>';
  return invoice.contractSubtotals
    .map(({ contractId, subtotal, tax }) => {
      const name = contractId === null ? 'Other items' : (contractNames[contractId] ?? contractId);
      const lines = invoice.lines.filter((line) => line.contractId === contractId);
      return `<tbody>
        <tr class="contract"><th colspan="6">${escapeHtml(name)}</th></tr>
        ${lineRows(lines)}
        <tr class="subtotal"><td colspan="4">Subtotal, ${escapeHtml(name)}</td><td class="num">${money(subtotal)}</td><td class="num">${money(tax)}</td></tr>
      </tbody>`;
    })
    .join('');
}

/**
 * The invoice as the customer reads it (billing-rules §10), a self-contained printable page: number,
 * dates, bill-to name, purchase order, the lines under each contract with its subtotal, subtotal,
 * tax and total, and a VOID mark on a void invoice. Every text from the ledger is escaped.
 */
export function invoiceHtml(document: InvoiceDocument): string {
  const { invoice, billToName } = document;
  const isVoid = invoice.status === 'VOID';
  const title = `Invoice ${invoice.number}${isVoid ? ' (VOID)' : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${isVoid ? '<div class="watermark" aria-hidden="true">VOID</div>' : ''}
<header>
  <h1>Invoice ${escapeHtml(invoice.number)}</h1>
  ${isVoid ? `<p class="void-mark">VOID</p>` : ''}
</header>
${isVoid && invoice.void ? `<p class="void-note">This invoice was voided on ${escapeHtml(invoice.void.voidedAt.slice(0, 10))}. Nothing is due on it.</p>` : ''}
<section class="parties">
  <div>
    <h2>Bill to</h2>
    <p><strong>${escapeHtml(billToName)}</strong></p>
  </div>
  <dl>
    <dt>Invoice number</dt><dd>${escapeHtml(invoice.number)}</dd>
    <dt>Invoice date</dt><dd>${escapeHtml(invoice.invoiceDate)}</dd>
    <dt>Due date</dt><dd>${escapeHtml(invoice.dueDate)}</dd>
    ${invoice.purchaseOrderNumber !== null ? `<dt>Purchase order</dt><dd>${escapeHtml(invoice.purchaseOrderNumber)}</dd>` : ''}
    <dt>Currency</dt><dd>${escapeHtml(invoice.currency)}</dd>
  </dl>
</section>
<table>
  <thead><tr><th>Date</th><th>Description</th><th class="num">Quantity</th><th class="num">Rate</th><th class="num">Amount</th><th class="num">Tax</th></tr></thead>
  ${contractSections(document)}
  <tfoot>
    <tr><td colspan="4">Subtotal</td><td class="num">${money(invoice.subtotal)}</td><td></td></tr>
    <tr><td colspan="4">Tax</td><td class="num">${money(invoice.tax)}</td><td></td></tr>
    <tr class="total"><td colspan="4">Total ${escapeHtml(invoice.currency)}</td><td class="num">${money(invoice.total)}</td><td></td></tr>
  </tfoot>
</table>
</main>
</body>
</html>
`;
}
