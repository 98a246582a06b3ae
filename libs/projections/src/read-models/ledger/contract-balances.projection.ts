import { dec, decimalString, isOverage, type ContractPurchaseKind } from '@billing/domain';
import { billingProjection } from '../billing-projection';

/** An accrued item of a recurring service is posted by its own id (billing-rules §7). */
const SERVICE_ITEM_SOURCES: readonly string[] = ['SERVICE_PERIOD', 'SERVICE_ADJUSTMENT'];

/**
 * Per contract and purchase: what was purchased and what posted items drew, and the overage billed;
 * per recurring service and period: the units and money accrued, and whether each item is posted
 * (billing-rules §11).
 */
export const contractBalancesProjection = billingProjection({
  name: 'contract-balances',
  version: 2,
  tables: ['balance_contracts', 'balance_purchases', 'balance_overage_items', 'balance_services', 'balance_service_items'],
  canHandle: [
    'ContractCreated',
    'BlockPurchased',
    'RetainerPurchased',
    'TicketsPurchased',
    'ServiceAdded',
    'ServicePeriodAccrued',
    'ServiceAdjustmentAccrued',
    'ItemPosted',
    'ItemUnposted',
  ],
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS balance_contracts (contract_id TEXT PRIMARY KEY, type TEXT NOT NULL, overage TEXT NOT NULL)');
    db.exec(`CREATE TABLE IF NOT EXISTS balance_purchases (purchase_id TEXT PRIMARY KEY, contract_id TEXT NOT NULL, kind TEXT NOT NULL,
      purchased TEXT NOT NULL, used TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, sequence INTEGER NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS balance_purchases_by_contract ON balance_purchases (contract_id)');
    db.exec('CREATE TABLE IF NOT EXISTS balance_overage_items (billing_item_id TEXT PRIMARY KEY, contract_id TEXT NOT NULL, amount TEXT NOT NULL)');
    const addContract = db.prepare("INSERT OR IGNORE INTO balance_contracts (contract_id, type, overage) VALUES (?, ?, '0')");
    const addPurchase = db.prepare(
      "INSERT OR IGNORE INTO balance_purchases (purchase_id, contract_id, kind, purchased, used, start_date, end_date, sequence) VALUES (?, ?, ?, ?, '0', ?, ?, ?)",
    );
    const usedOf = db.prepare<[string], { used: string }>('SELECT used FROM balance_purchases WHERE purchase_id = ?');
    const setUsed = db.prepare('UPDATE balance_purchases SET used = ? WHERE purchase_id = ?');
    const overageOf = db.prepare<[string], { overage: string }>('SELECT overage FROM balance_contracts WHERE contract_id = ?');
    const setOverage = db.prepare('UPDATE balance_contracts SET overage = ? WHERE contract_id = ?');
    const addOverageItem = db.prepare('INSERT INTO balance_overage_items (billing_item_id, contract_id, amount) VALUES (?, ?, ?)');
    const overageItem = db.prepare<[string], { contract_id: string; amount: string }>(
      'SELECT contract_id, amount FROM balance_overage_items WHERE billing_item_id = ?',
    );
    const removeOverageItem = db.prepare('DELETE FROM balance_overage_items WHERE billing_item_id = ?');
    db.exec(`CREATE TABLE IF NOT EXISTS balance_services (contract_id TEXT NOT NULL, service_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
      PRIMARY KEY (contract_id, service_id))`);
    // A period's row (kind PERIOD) and its adjustments (kind ADJUSTMENT, from_date and units the change), by item id.
    db.exec(`CREATE TABLE IF NOT EXISTS balance_service_items (item_id TEXT PRIMARY KEY, contract_id TEXT NOT NULL, service_id TEXT NOT NULL,
      kind TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, from_date TEXT NOT NULL, units TEXT NOT NULL, amount TEXT NOT NULL,
      posted INTEGER NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS balance_service_items_by_contract ON balance_service_items (contract_id, service_id, period_start)');
    const addService = db.prepare(
      'INSERT OR IGNORE INTO balance_services (contract_id, service_id, position, name) VALUES (?, ?, (SELECT COUNT(*) + 1 FROM balance_services WHERE contract_id = ?), ?)',
    );
    const addServiceItem =
      db.prepare(`INSERT OR IGNORE INTO balance_service_items (item_id, contract_id, service_id, kind, period_start, period_end, from_date, units, amount, posted)
      VALUES (@itemId, @contractId, @serviceId, @kind, @periodStart, @periodEnd, @fromDate, @units, @amount, 0)`);
    const setServiceItemPosted = db.prepare('UPDATE balance_service_items SET posted = ? WHERE item_id = ?');

    const changeUsed = (purchaseId: string, delta: string, sign: 1 | -1) => {
      const row = usedOf.get(purchaseId);
      if (row) setUsed.run(decimalString(sign === 1 ? dec(row.used).plus(delta) : dec(row.used).minus(delta)), purchaseId);
    };
    const changeOverage = (contractId: string, amount: string, sign: 1 | -1) => {
      const row = overageOf.get(contractId);
      if (row) setOverage.run(decimalString(sign === 1 ? dec(row.overage).plus(amount) : dec(row.overage).minus(amount)), contractId);
    };
    const purchase = (
      kind: ContractPurchaseKind,
      d: { purchaseId: string; contractId: string; startDate: string; endDate: string; sequence: number },
      purchased: string,
    ) => addPurchase.run(d.purchaseId, d.contractId, kind, purchased, d.startDate, d.endDate, d.sequence);

    return (event) => {
      switch (event.type) {
        case 'ContractCreated':
          addContract.run(event.data.contractId, event.data.type);
          return;
        case 'BlockPurchased':
          return void purchase('BLOCK', event.data, event.data.hours);
        case 'RetainerPurchased':
          return void purchase('RETAINER', event.data, event.data.amount);
        case 'TicketsPurchased':
          return void purchase('TICKETS', event.data, String(event.data.tickets));
        case 'ServiceAdded':
          addService.run(event.data.contractId, event.data.serviceId, event.data.contractId, event.data.name);
          return;
        case 'ServicePeriodAccrued': {
          const { itemId, contractId, serviceId, periodStart, periodEnd, units, amount } = event.data;
          addServiceItem.run({ itemId, contractId, serviceId, kind: 'PERIOD', periodStart, periodEnd, fromDate: periodStart, units, amount });
          return;
        }
        case 'ServiceAdjustmentAccrued': {
          const { itemId, contractId, serviceId, periodStart, periodEnd, fromDate, unitDelta, amount } = event.data;
          addServiceItem.run({ itemId, contractId, serviceId, kind: 'ADJUSTMENT', periodStart, periodEnd, fromDate, units: unitDelta, amount });
          return;
        }
        case 'ItemPosted': {
          const item = event.data;
          if (SERVICE_ITEM_SOURCES.includes(item.sourceType)) setServiceItemPosted.run(1, item.sourceItemId);
          for (const draw of item.draws) changeUsed(draw.purchaseId, draw.quantity, 1);
          if (item.contractId && isOverage(item)) {
            changeOverage(item.contractId, item.amount, 1);
            addOverageItem.run(item.billingItemId, item.contractId, item.amount);
          }
          return;
        }
        case 'ItemUnposted': {
          const unposted = event.data;
          if (SERVICE_ITEM_SOURCES.includes(unposted.sourceType)) setServiceItemPosted.run(0, unposted.sourceItemId);
          for (const draw of unposted.returned) changeUsed(draw.purchaseId, draw.quantity, -1);
          for (const id of unposted.billingItemIds) {
            const overage = overageItem.get(id);
            if (!overage) continue;
            changeOverage(overage.contract_id, overage.amount, -1);
            removeOverageItem.run(id);
          }
          return;
        }
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
