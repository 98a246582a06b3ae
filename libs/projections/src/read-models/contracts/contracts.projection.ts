import type { ContractTerms } from '@billing/domain';
import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

const PURCHASE_KIND = { BlockPurchased: 'BLOCK', RetainerPurchased: 'RETAINER', TicketsPurchased: 'TICKETS' } as const;

export const contractsProjection = billingProjection({
  name: 'contracts',
  version: 1,
  tables: ['contracts', 'contract_purchases', 'contract_services'],
  canHandle: ['ContractCreated', 'ContractTermsChanged', 'BlockPurchased', 'RetainerPurchased', 'TicketsPurchased', 'ServiceAdded'],
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

    return (event, recorded) => {
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
          const stored: ContractTerms = JSON.parse(row.terms_json);
          const terms: ContractTerms = { ...stored, ...changes };
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
});
