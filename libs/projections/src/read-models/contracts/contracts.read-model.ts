import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import type { ContractEvent, ContractPurchase, ContractService, ContractStatus, ContractTerms, ContractType } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

/** A purchase as the API shows it: `id` is the purchase id, `sequence` its place in purchase order. */
export type ContractPurchaseView = { id: string } & Omit<ContractPurchase, 'purchaseId'>;

export type ContractServiceView = { id: string } & Omit<ContractService, 'serviceId'>;

/** A contract as the API shows it: its terms (with `id` for `contractId`), purchases and services. */
export type ContractView = { id: string } & Omit<ContractTerms, 'contractId'> & {
    purchases: ContractPurchaseView[];
    services: ContractServiceView[];
    createdAt: string;
    updatedAt: string;
  };

export interface ContractFilters {
  accountId?: string;
  type?: ContractType;
  status?: ContractStatus;
}

interface ContractRow {
  id: string;
  terms_json: string;
  created_at: string;
  updated_at: string;
}

interface DataRow {
  contract_id: string;
  data_json: string;
}

const PURCHASE_KIND = { BlockPurchased: 'BLOCK', RetainerPurchased: 'RETAINER', TicketsPurchased: 'TICKETS' } as const;

export const contractsProjection: Projection = {
  name: 'contracts',
  version: 1,
  tables: ['contracts', 'contract_purchases', 'contract_services'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS contracts (
      id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
      is_default INTEGER NOT NULL, terms_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS contracts_by_account ON contracts (account_id, is_default, status)');
    db.exec(`CREATE TABLE IF NOT EXISTS contract_purchases (
      contract_id TEXT NOT NULL, purchase_id TEXT NOT NULL, sequence INTEGER NOT NULL, data_json TEXT NOT NULL,
      PRIMARY KEY (contract_id, purchase_id))`);
    db.exec(`CREATE TABLE IF NOT EXISTS contract_services (
      contract_id TEXT NOT NULL, service_id TEXT NOT NULL, position INTEGER NOT NULL, data_json TEXT NOT NULL,
      PRIMARY KEY (contract_id, service_id))`);

    const insert = db.prepare(
      'INSERT INTO contracts (id, account_id, name, type, status, is_default, terms_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const termsOf = db.prepare<[string], { terms_json: string }>('SELECT terms_json FROM contracts WHERE id = ?');
    const update = db.prepare('UPDATE contracts SET status = ?, is_default = ?, terms_json = ?, updated_at = ? WHERE id = ?');
    const touch = db.prepare('UPDATE contracts SET updated_at = ? WHERE id = ?');
    const insertPurchase = db.prepare('INSERT INTO contract_purchases (contract_id, purchase_id, sequence, data_json) VALUES (?, ?, ?, ?)');
    const insertService = db.prepare(
      'INSERT INTO contract_services (contract_id, service_id, position, data_json) VALUES (?, ?, (SELECT COUNT(*) + 1 FROM contract_services WHERE contract_id = ?), ?)',
    );

    return (recorded) => {
      const event = domainEvent<ContractEvent>(recorded);
      const at = occurredAt(recorded);
      switch (event.type) {
        case 'ContractCreated': {
          const t = event.data;
          insert.run(t.contractId, t.accountId, t.name, t.type, t.status, t.isDefault ? 1 : 0, JSON.stringify(t), at, at);
          return;
        }
        case 'ContractTermsChanged': {
          const { contractId, ...changes } = event.data;
          const row = termsOf.get(contractId);
          if (!row) return;
          const terms: ContractTerms = { ...(JSON.parse(row.terms_json) as ContractTerms), ...changes };
          update.run(terms.status, terms.isDefault ? 1 : 0, JSON.stringify(terms), at, contractId);
          return;
        }
        case 'BlockPurchased':
        case 'RetainerPurchased':
        case 'TicketsPurchased': {
          const { contractId, purchaseId, ...rest } = event.data;
          const view = { id: purchaseId, kind: PURCHASE_KIND[event.type], ...rest };
          insertPurchase.run(contractId, purchaseId, rest.sequence, JSON.stringify(view));
          touch.run(at, contractId);
          return;
        }
        case 'ServiceAdded': {
          const { contractId, serviceId, ...rest } = event.data;
          insertService.run(contractId, serviceId, contractId, JSON.stringify({ id: serviceId, ...rest }));
          touch.run(at, contractId);
          return;
        }
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
};

function toViews(db: Database.Database, rows: ContractRow[]): ContractView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const placeholders = ids.map(() => '?').join(', ');
  const purchases = db
    .prepare<string[], DataRow>(`SELECT contract_id, data_json FROM contract_purchases WHERE contract_id IN (${placeholders}) ORDER BY contract_id, sequence`)
    .all(...ids);
  const services = db
    .prepare<string[], DataRow>(`SELECT contract_id, data_json FROM contract_services WHERE contract_id IN (${placeholders}) ORDER BY contract_id, position`)
    .all(...ids);
  const group = <T>(list: DataRow[]) => {
    const byContract = new Map<string, T[]>();
    for (const r of list) {
      const entries = byContract.get(r.contract_id) ?? [];
      entries.push(JSON.parse(r.data_json) as T);
      byContract.set(r.contract_id, entries);
    }
    return byContract;
  };
  const purchasesOf = group<ContractPurchaseView>(purchases);
  const servicesOf = group<ContractServiceView>(services);
  return rows.map((row) => {
    const { contractId, ...terms } = JSON.parse(row.terms_json) as ContractTerms;
    return {
      id: contractId,
      ...terms,
      purchases: purchasesOf.get(row.id) ?? [],
      services: servicesOf.get(row.id) ?? [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export function findContract(db: Database.Database, id: string): ContractView | undefined {
  const rows = cached<[string], ContractRow>(db, 'SELECT id, terms_json, created_at, updated_at FROM contracts WHERE id = ?').all(id);
  return toViews(db, rows)[0];
}

/** Contracts, filtered, by account then name. */
export function listContracts(db: Database.Database, filters: ContractFilters = {}): ContractView[] {
  const where = new SqlWhere().when('account_id', '=', filters.accountId).when('type', '=', filters.type).when('status', '=', filters.status);
  const sql = `SELECT id, terms_json, created_at, updated_at FROM contracts${where.clause} ORDER BY account_id, name, id`;
  return toViews(db, cached<unknown[], ContractRow>(db, sql).all(...where.params));
}

/** The account's active default contract (routing starts there when an entry names none), or null. */
export function findDefaultContract(db: Database.Database, accountId: string): string | null {
  const row = cached<[string], { id: string }>(db, "SELECT id FROM contracts WHERE account_id = ? AND is_default = 1 AND status = 'ACTIVE' ORDER BY created_at, id LIMIT 1").get(accountId);
  return row?.id ?? null;
}
