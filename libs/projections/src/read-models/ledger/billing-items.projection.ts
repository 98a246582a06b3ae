import { billingProjection } from '../billing-projection';
import { cents } from './dashboard-values';

/**
 * Billing items: posted ones, and unposted ones kept as UNPOSTED (their whole history stays in the
 * events), with the invoice that claims each. Amount and tax are also kept in integer cents, so
 * that the items to invoice are summed exactly in SQL.
 */
export const billingItemsProjection = billingProjection({
  name: 'billing-items',
  version: 2,
  tables: ['billing_items'],
  canHandle: ['ItemPosted', 'ItemUnposted', 'InvoiceGenerated', 'InvoiceVoided'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS billing_items (
      id TEXT PRIMARY KEY, source_item_id TEXT NOT NULL, account_id TEXT NOT NULL, bill_to_account_id TEXT NOT NULL,
      contract_id TEXT, purchase_order_number TEXT, item_date TEXT NOT NULL, amount_cents INTEGER NOT NULL, tax_cents INTEGER NOT NULL,
      invoice_id TEXT, status TEXT NOT NULL, data TEXT NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_source ON billing_items (source_item_id)');
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_account ON billing_items (account_id, contract_id)');
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_date ON billing_items (status, item_date, id)');
    // Only the items waiting for an invoice: what an invoice run and the items to invoice read.
    db.exec(`CREATE INDEX IF NOT EXISTS billing_items_to_invoice ON billing_items (bill_to_account_id, purchase_order_number, item_date)
      WHERE status = 'POSTED' AND invoice_id IS NULL`);
    const insert = db.prepare(
      `INSERT INTO billing_items (id, source_item_id, account_id, bill_to_account_id, contract_id, purchase_order_number, item_date, amount_cents, tax_cents, invoice_id, status, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'POSTED', ?)`,
    );
    const unpost = db.prepare("UPDATE billing_items SET status = 'UNPOSTED' WHERE id = ?");
    const invoice = db.prepare('UPDATE billing_items SET invoice_id = ? WHERE id = ?');
    const release = db.prepare('UPDATE billing_items SET invoice_id = NULL WHERE id = ? AND invoice_id = ?');
    return (event) => {
      switch (event.type) {
        case 'ItemPosted': {
          const d = event.data;
          insert.run(
            d.billingItemId,
            d.sourceItemId,
            d.accountId,
            d.billToAccountId,
            d.contractId,
            d.purchaseOrderNumber,
            d.itemDate,
            cents(d.amount),
            cents(d.tax),
            JSON.stringify(d),
          );
          return;
        }
        case 'ItemUnposted':
          for (const id of event.data.billingItemIds) unpost.run(id);
          return;
        case 'InvoiceGenerated':
          for (const { billingItemId } of event.data.items) invoice.run(event.data.invoiceId, billingItemId);
          return;
        case 'InvoiceVoided':
          for (const id of event.data.billingItemIds) release.run(id, event.data.invoiceId);
          return;
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
