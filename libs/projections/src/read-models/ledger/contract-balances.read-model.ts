import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { dec, decimalString, moneyString, type BillingItemData, type ItemUnpostedData } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent } from '../domain-event';

export interface PurchaseBalance {
  id: string;
  kind: 'BLOCK' | 'RETAINER' | 'TICKETS';
  purchased: string;
  used: string;
  remaining: string;
  startDate: string;
  endDate: string;
}

/** billing-rules §11: per contract, per purchase: purchased, used, remaining (hours, money or tickets), overage to date, expiry. */
export interface ContractBalance {
  contractId: string;
  type: string;
  purchases: PurchaseBalance[];
  purchased: string;
  used: string;
  remaining: string;
  /** Money billed beyond the prepaid balances so far (overage parts and overage items). */
  overage: string;
}

interface PurchaseEventData {
  contractId: string;
  purchaseId: string;
  sequence: number;
  startDate: string;
  endDate: string;
  hours?: string;
  amount?: string;
  tickets?: number;
}

const isOverage = (item: Pick<BillingItemData, 'type' | 'part' | 'covered'>) => item.part === 'OVERAGE' || item.type === 'LABOR_OVERAGE' || (item.type === 'TICKET' && !item.covered);

export const contractBalancesProjection: Projection = {
  name: 'contract-balances',
  version: 1,
  tables: ['balance_contracts', 'balance_purchases', 'balance_overage_items'],
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS balance_contracts (contract_id TEXT PRIMARY KEY, type TEXT NOT NULL, overage TEXT NOT NULL)');
    db.exec(`CREATE TABLE IF NOT EXISTS balance_purchases (purchase_id TEXT PRIMARY KEY, contract_id TEXT NOT NULL, kind TEXT NOT NULL,
      purchased TEXT NOT NULL, used TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, sequence INTEGER NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS balance_purchases_by_contract ON balance_purchases (contract_id)');
    db.exec('CREATE TABLE IF NOT EXISTS balance_overage_items (billing_item_id TEXT PRIMARY KEY, contract_id TEXT NOT NULL, amount TEXT NOT NULL)');
    const addContract = db.prepare("INSERT OR IGNORE INTO balance_contracts (contract_id, type, overage) VALUES (?, ?, '0')");
    const addPurchase = db.prepare("INSERT OR IGNORE INTO balance_purchases (purchase_id, contract_id, kind, purchased, used, start_date, end_date, sequence) VALUES (?, ?, ?, ?, '0', ?, ?, ?)");
    const usedOf = db.prepare<[string], { used: string }>('SELECT used FROM balance_purchases WHERE purchase_id = ?');
    const setUsed = db.prepare('UPDATE balance_purchases SET used = ? WHERE purchase_id = ?');
    const overageOf = db.prepare<[string], { overage: string }>('SELECT overage FROM balance_contracts WHERE contract_id = ?');
    const setOverage = db.prepare('UPDATE balance_contracts SET overage = ? WHERE contract_id = ?');
    const addOverageItem = db.prepare('INSERT INTO balance_overage_items (billing_item_id, contract_id, amount) VALUES (?, ?, ?)');
    const overageItem = db.prepare<[string], { contract_id: string; amount: string }>('SELECT contract_id, amount FROM balance_overage_items WHERE billing_item_id = ?');
    const removeOverageItem = db.prepare('DELETE FROM balance_overage_items WHERE billing_item_id = ?');

    const changeUsed = (purchaseId: string, delta: string, sign: 1 | -1) => {
      const row = usedOf.get(purchaseId);
      if (row) setUsed.run(decimalString(sign === 1 ? dec(row.used).plus(delta) : dec(row.used).minus(delta)), purchaseId);
    };
    const changeOverage = (contractId: string, amount: string, sign: 1 | -1) => {
      const row = overageOf.get(contractId);
      if (row) setOverage.run(decimalString(sign === 1 ? dec(row.overage).plus(amount) : dec(row.overage).minus(amount)), contractId);
    };
    const purchase = (kind: PurchaseBalance['kind'], d: PurchaseEventData) =>
      addPurchase.run(d.purchaseId, d.contractId, kind, String(kind === 'BLOCK' ? d.hours : kind === 'RETAINER' ? d.amount : d.tickets), d.startDate, d.endDate, d.sequence);

    return (recorded) => {
      const event = domainEvent(recorded);
      switch (event.type) {
        case 'ContractCreated': {
          const terms = event.data as { contractId: string; type: string };
          addContract.run(terms.contractId, terms.type);
          return;
        }
        case 'BlockPurchased':
          return void purchase('BLOCK', event.data as PurchaseEventData);
        case 'RetainerPurchased':
          return void purchase('RETAINER', event.data as PurchaseEventData);
        case 'TicketsPurchased':
          return void purchase('TICKETS', event.data as PurchaseEventData);
        case 'ItemPosted': {
          const item = event.data as BillingItemData;
          for (const draw of item.draws) changeUsed(draw.purchaseId, draw.quantity, 1);
          if (item.contractId && isOverage(item)) {
            changeOverage(item.contractId, item.amount, 1);
            addOverageItem.run(item.billingItemId, item.contractId, item.amount);
          }
          return;
        }
        case 'ItemUnposted': {
          const unposted = event.data as ItemUnpostedData;
          for (const draw of unposted.returned) changeUsed(draw.purchaseId, draw.quantity, -1);
          for (const id of unposted.billingItemIds) {
            const overage = overageItem.get(id);
            if (!overage) continue;
            changeOverage(overage.contract_id, overage.amount, -1);
            removeOverageItem.run(id);
          }
          return;
        }
      }
    };
  },
};

interface PurchaseRow {
  purchase_id: string;
  kind: PurchaseBalance['kind'];
  purchased: string;
  used: string;
  start_date: string;
  end_date: string;
}

export function findContractBalance(db: Database.Database, contractId: string): ContractBalance | undefined {
  const contract = cached<[string], { type: string; overage: string }>(db, 'SELECT type, overage FROM balance_contracts WHERE contract_id = ?').get(contractId);
  if (!contract) return undefined;
  const rows = cached<[string], PurchaseRow>(db, 'SELECT * FROM balance_purchases WHERE contract_id = ? ORDER BY start_date, sequence').all(contractId);
  const purchases = rows.map((r) => ({
    id: r.purchase_id,
    kind: r.kind,
    purchased: r.purchased,
    used: r.used,
    remaining: decimalString(dec(r.purchased).minus(r.used)),
    startDate: r.start_date,
    endDate: r.end_date,
  }));
  const total = (pick: (p: PurchaseBalance) => string) => decimalString(purchases.reduce((s, p) => s.plus(pick(p)), dec(0)));
  return {
    contractId,
    type: contract.type,
    purchases,
    purchased: total((p) => p.purchased),
    used: total((p) => p.used),
    remaining: total((p) => p.remaining),
    overage: moneyString(dec(contract.overage)),
  };
}
