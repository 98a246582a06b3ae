import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { dec, decimalString, moneyString } from '@billing/domain';

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
