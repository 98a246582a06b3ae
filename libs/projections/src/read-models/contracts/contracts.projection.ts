import type { ContractTerms } from '@billing/domain';
import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

const PURCHASE_KIND = { BlockPurchased: 'BLOCK', RetainerPurchased: 'RETAINER', TicketsPurchased: 'TICKETS' } as const;

export const contractsProjection = billingProjection({
  name: 'contracts',
  version: 3,
  tables: ['contracts', 'contract_purchases', 'contract_services', 'contract_milestones'],
  canHandle: [
    'ContractCreated',
    'ContractTermsChanged',
    'ContractExtended',
    'ContractRenewed',
    'BlockPurchased',
    'RetainerPurchased',
    'TicketsPurchased',
    'ServiceAdded',
    'ServiceUnitsChanged',
    'MilestoneAdded',
    'MilestoneReadyToBill',
    'ItemPosted',
    'ItemUnposted',
  ],
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
    const setServiceUnits = db.prepare("UPDATE contract_services SET data_json = json_set(data_json, '$.units', ?) WHERE contract_id = ? AND service_id = ?");
    // A milestone's status: IN_PROGRESS, READY_TO_BILL, BILLED (posted: the ledger says so; an unpost makes it ready again).
    db.exec(`CREATE TABLE IF NOT EXISTS contract_milestones (
      contract_id TEXT NOT NULL, milestone_id TEXT NOT NULL, position INTEGER NOT NULL, data_json TEXT NOT NULL,
      PRIMARY KEY (contract_id, milestone_id))`);
    const insertMilestone = db.prepare(
      'INSERT INTO contract_milestones (contract_id, milestone_id, position, data_json) VALUES (?, ?, (SELECT COUNT(*) + 1 FROM contract_milestones WHERE contract_id = ?), ?)',
    );
    const setMilestoneStatus = db.prepare(
      "UPDATE contract_milestones SET data_json = json_set(data_json, '$.status', ?) WHERE contract_id = ? AND milestone_id = ? AND json_extract(data_json, '$.status') = ?",
    );
    // A milestone's id names one item across the service (its id claim), so an unpost finds it by id alone.
    const unbillMilestone = db.prepare(
      "UPDATE contract_milestones SET data_json = json_set(data_json, '$.status', 'READY_TO_BILL') WHERE milestone_id = ? AND json_extract(data_json, '$.status') = 'BILLED'",
    );
    const setEndDate = db.prepare("UPDATE contracts SET terms_json = json_set(terms_json, '$.endDate', ?), updated_at = ? WHERE id = ?");

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
        case 'ContractExtended':
        case 'ContractRenewed':
          setEndDate.run(event.data.newEndDate, at, event.data.contractId);
          return;
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
        // A service shows its units now (billing-rules §7); a repeated create is still compared with the units as added.
        case 'ServiceUnitsChanged': {
          const { contractId, serviceId, units } = event.data;
          setServiceUnits.run(units, contractId, serviceId);
          touch.run(at, contractId);
          return;
        }
        case 'MilestoneAdded': {
          const { contractId, milestoneId, ...rest } = event.data;
          insertMilestone.run(contractId, milestoneId, contractId, JSON.stringify({ id: milestoneId, ...rest, status: 'IN_PROGRESS' }));
          touch.run(at, contractId);
          return;
        }
        case 'MilestoneReadyToBill':
          setMilestoneStatus.run('READY_TO_BILL', event.data.contractId, event.data.milestoneId, 'IN_PROGRESS');
          touch.run(at, event.data.contractId);
          return;
        case 'ItemPosted':
          if (event.data.sourceType === 'MILESTONE' && event.data.contractId)
            setMilestoneStatus.run('BILLED', event.data.contractId, event.data.sourceItemId, 'READY_TO_BILL');
          return;
        case 'ItemUnposted': {
          const { sourceType, sourceItemId } = event.data;
          if (sourceType === 'MILESTONE') unbillMilestone.run(sourceItemId);
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
