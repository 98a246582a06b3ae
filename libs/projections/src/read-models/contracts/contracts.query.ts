import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import { SqlWhere } from '../sql-where';
import type { ContractMilestone, ContractPurchase, ContractService, ContractStatus, ContractTerms, ContractType } from '@billing/domain';

/** A purchase as the API shows it: `id` is the purchase id, `sequence` its place in purchase order. */
export type ContractPurchaseView = { id: string } & Omit<ContractPurchase, 'purchaseId'>;

export type ContractServiceView = { id: string } & Omit<ContractService, 'serviceId'>;

/** Autotask's milestone statuses (billing-rules §7): billable once READY_TO_BILL and due; BILLED once posted. */
export type MilestoneStatus = 'IN_PROGRESS' | 'READY_TO_BILL' | 'BILLED';
export type ContractMilestoneView = { id: string } & Omit<ContractMilestone, 'milestoneId'> & { status: MilestoneStatus };

/** A contract as the API shows it: its terms (with `id` for `contractId`), purchases and services. */
export type ContractView = { id: string } & Omit<ContractTerms, 'contractId'> & {
    purchases: ContractPurchaseView[];
    services: ContractServiceView[];
    milestones: ContractMilestoneView[];
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
  const milestones = db
    .prepare<string[], DataRow>(`SELECT contract_id, data_json FROM contract_milestones WHERE contract_id IN (${placeholders}) ORDER BY contract_id, position`)
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
  const milestonesOf = group<ContractMilestoneView>(milestones);
  return rows.map((row) => {
    const { contractId, ...terms } = JSON.parse(row.terms_json) as ContractTerms;
    return {
      id: contractId,
      ...terms,
      purchases: purchasesOf.get(row.id) ?? [],
      services: servicesOf.get(row.id) ?? [],
      milestones: milestonesOf.get(row.id) ?? [],
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

/** The active contracts accrual may have something to do for (billing-rules §7): Recurring Service ones, those with a setup fee, and those that renew themselves. */
export function listAccrualCandidates(db: Database.Database): string[] {
  return cached<[], string>(
    db,
    `SELECT id FROM contracts WHERE status = 'ACTIVE' AND (type = 'RECURRING_SERVICE' OR json_extract(terms_json, '$.setupFee') IS NOT NULL
      OR json_extract(terms_json, '$.renewalPeriod') IS NOT NULL) ORDER BY id`,
  )
    .pluck()
    .all();
}

/** The account's active default contract (routing starts there when an entry names none), or null. */
export function findDefaultContract(db: Database.Database, accountId: string): string | null {
  const row = cached<[string], { id: string }>(
    db,
    "SELECT id FROM contracts WHERE account_id = ? AND is_default = 1 AND status = 'ACTIVE' ORDER BY created_at, id LIMIT 1",
  ).get(accountId);
  return row?.id ?? null;
}
