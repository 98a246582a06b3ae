import type { LedgerEvent } from '@billing/domain';
import { billingItem } from '../../testing/billing-fixtures';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '../../testing/invoice-fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { billingItemsProjection } from './billing-items.projection';
import { findBillingItem, listBillingItems } from './billing-items.query';
import { billToAccountsToInvoice, queryItemsToInvoice } from './items-to-invoice.query';

const given = (events: LedgerEvent[]) => projectionSpec(billingItemsProjection).given(events.map((event) => ({ event, streamId: 'ledger-x' })));
const posted = (overrides: Parameters<typeof billingItem>[0]): LedgerEvent => ({ type: 'ItemPosted', data: billingItem(overrides) });

// acme: PO-1 $100.00 (tax $8.88) and $0.50 (tax $0.04) on two contracts, $20.00 without a PO;
// globex: $75.00 without a PO; and an acme item of December, after the run's through date
const acme1 = { billingItemId: 'bi-1', contractId: 'rec', purchaseOrderNumber: 'PO-1', amount: '100.00', tax: '8.88', itemDate: '2026-11-01' };
const acme2 = { billingItemId: 'bi-2', contractId: 'blk', purchaseOrderNumber: 'PO-1', amount: '0.50', tax: '0.04', itemDate: '2026-11-20' };
const acme3 = { billingItemId: 'bi-3', purchaseOrderNumber: null, amount: '20.00', itemDate: '2026-11-05' };
const globex = { billingItemId: 'bi-4', billToAccountId: 'globex', amount: '75.00', itemDate: '2026-11-10' };
const december = { billingItemId: 'bi-5', purchaseOrderNumber: 'PO-1', amount: '1.00', itemDate: '2026-12-01' };
const postings = [acme1, acme2, acme3, globex, december].map(posted);

describe('items to invoice (billing items read model)', () => {
  it('grouped as a run groups them: by bill-to account, then PO (none last), with counts and exact totals', async () => {
    await given(postings).then((db) => queryItemsToInvoice(db, { through: '2026-11-30' }), {
      through: '2026-11-30',
      groups: [
        // 100.00 + 0.50 = 100.50; 8.88 + 0.04 = 8.92
        {
          billToAccountId: 'acme',
          purchaseOrderNumber: 'PO-1',
          itemCount: 2,
          firstItemDate: '2026-11-01',
          lastItemDate: '2026-11-20',
          subtotal: '100.50',
          tax: '8.92',
          total: '109.42',
        },
        {
          billToAccountId: 'acme',
          purchaseOrderNumber: null,
          itemCount: 1,
          firstItemDate: '2026-11-05',
          lastItemDate: '2026-11-05',
          subtotal: '20.00',
          tax: '0.00',
          total: '20.00',
        },
        {
          billToAccountId: 'globex',
          purchaseOrderNumber: null,
          itemCount: 1,
          firstItemDate: '2026-11-10',
          lastItemDate: '2026-11-10',
          subtotal: '75.00',
          tax: '0.00',
          total: '75.00',
        },
      ],
      // 100.50 + 20.00 + 75.00 = 195.50
      totals: { invoices: 3, itemCount: 4, subtotal: '195.50', tax: '8.92', total: '204.42' },
    });
  });

  it('an invoiced item is no longer to invoice, and names its invoice; a void gives it back', async () => {
    const invoiced = invoiceGenerated('inv-acme-1', [billingItem(acme1), billingItem(acme2)]);
    const db = await given([...postings, invoiced, invoiceIssued('inv-acme-1', 1)]).readModel();
    expect(queryItemsToInvoice(db, { through: '2026-11-30', billToAccountId: 'acme' }).groups.map((g) => g.purchaseOrderNumber)).toEqual([null]);
    expect(findBillingItem(db, 'bi-1')?.invoiceId).toBe('inv-acme-1');
    expect(listBillingItems(db, { invoiced: true }, { limit: 10, offset: 0 }).rows.map((r) => r.id)).toEqual(['bi-1', 'bi-2']);
    expect(billToAccountsToInvoice(db, '2026-11-30')).toEqual(['acme', 'globex']);
    db.close();

    const voided = await given([...postings, invoiced, invoiceIssued('inv-acme-1', 1), invoiceVoided('inv-acme-1', 1, ['bi-1', 'bi-2'])]).readModel();
    expect(queryItemsToInvoice(voided, { through: '2026-11-30', billToAccountId: 'acme' }).groups.map((g) => g.itemCount)).toEqual([2, 1]);
    expect(findBillingItem(voided, 'bi-1')?.invoiceId).toBeNull();
    voided.close();
  });

  it('an unposted item is not to invoice; nothing to invoice answers no groups and zero totals', async () => {
    const unposted: LedgerEvent = {
      type: 'ItemUnposted',
      data: { sourceItemId: 'ch-1', sourceType: 'CHARGE', billingItemIds: ['bi-4'], returned: [], reason: 'x' },
    };
    const db = await given([...postings, unposted]).readModel();
    expect(billToAccountsToInvoice(db, '2026-11-30')).toEqual(['acme']);
    expect(queryItemsToInvoice(db, { through: '2026-10-31' })).toEqual({
      through: '2026-10-31',
      groups: [],
      totals: { invoices: 0, itemCount: 0, subtotal: '0.00', tax: '0.00', total: '0.00' },
    });
    db.close();
  });
});
