import { billingProjection } from '../billing-projection';

/** Billing items: posted ones, and unposted ones kept as UNPOSTED (their whole history stays in the events). */
export const billingItemsProjection = billingProjection({
  name: 'billing-items',
  version: 1,
  tables: ['billing_items'],
  canHandle: ['ItemPosted', 'ItemUnposted'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS billing_items (
      id TEXT PRIMARY KEY, source_item_id TEXT NOT NULL, account_id TEXT NOT NULL, bill_to_account_id TEXT NOT NULL,
      contract_id TEXT, item_date TEXT NOT NULL, invoice_id TEXT, status TEXT NOT NULL, data TEXT NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_source ON billing_items (source_item_id)');
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_account ON billing_items (account_id, contract_id)');
    db.exec('CREATE INDEX IF NOT EXISTS billing_items_by_date ON billing_items (status, item_date, id)');
    const insert = db.prepare(
      "INSERT INTO billing_items (id, source_item_id, account_id, bill_to_account_id, contract_id, item_date, invoice_id, status, data) VALUES (?, ?, ?, ?, ?, ?, NULL, 'POSTED', ?)",
    );
    const unpost = db.prepare("UPDATE billing_items SET status = 'UNPOSTED' WHERE id = ?");
    return (event) => {
      switch (event.type) {
        case 'ItemPosted': {
          const d = event.data;
          insert.run(d.billingItemId, d.sourceItemId, d.accountId, d.billToAccountId, d.contractId, d.itemDate, JSON.stringify(d));
          return;
        }
        case 'ItemUnposted':
          for (const id of event.data.billingItemIds) unpost.run(id);
          return;
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
