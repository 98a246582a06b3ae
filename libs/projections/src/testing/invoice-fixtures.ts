import { invoiceContentOf, type BillingItemData, type InvoiceGenerated, type InvoiceGeneratedData, type LedgerEvent } from '@billing/domain';

/**
 * An invoice generated over posted items by the domain's own rules (lines, subtotals, totals),
 * run `run-1` dated 2026-11-30, due 30 days later, billed to the items' bill-to account and PO.
 */
export const invoiceGenerated = (invoiceId: string, items: BillingItemData[], overrides: Partial<InvoiceGeneratedData> = {}): InvoiceGenerated => ({
  type: 'InvoiceGenerated',
  data: {
    invoiceId,
    runId: 'run-1',
    billToAccountId: items[0]?.billToAccountId ?? 'acme',
    purchaseOrderNumber: items[0]?.purchaseOrderNumber ?? null,
    invoiceDate: '2026-11-30',
    through: '2026-11-30',
    dueDate: '2026-12-30',
    currency: 'USD',
    ...invoiceContentOf(items, {}),
    ...overrides,
  },
});

export const invoiceIssued = (invoiceId: string, sequence: number): LedgerEvent => ({
  type: 'InvoiceIssued',
  data: { invoiceId, sequence, number: `INV-${String(sequence).padStart(6, '0')}` },
});

export const invoiceVoided = (invoiceId: string, sequence: number, billingItemIds: string[], unpost = false): LedgerEvent => ({
  type: 'InvoiceVoided',
  data: {
    invoiceId,
    number: `INV-${String(sequence).padStart(6, '0')}`,
    reason: 'wrong PO',
    voidedBy: 'fin-1',
    voidedAt: '2026-12-02T10:00:00.000Z',
    billingItemIds,
    unpost,
  },
});
