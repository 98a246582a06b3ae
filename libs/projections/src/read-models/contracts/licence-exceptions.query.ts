import type Database from 'better-sqlite3';
import type { LicenceExceptionStatus } from '@billing/domain';
import { cached } from '../cached-statement';
import { selectPage, type PageBounds, type RowPage } from '../page';
import { SqlWhere } from '../sql-where';

/** A licence count held beyond the tolerance, as finance sees it. */
export interface LicenceExceptionView {
  id: string;
  contractId: string;
  accountId: string;
  serviceId: string;
  status: LicenceExceptionStatus;
  currentUnits: string;
  requestedUnits: string;
  effectiveDate: string;
  source: string;
  tolerancePercent: string;
  heldAt: string;
  /** When it was confirmed, rejected or superseded, by whom (the key; null when superseded by a count) and why. */
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

interface Row {
  id: string;
  contract_id: string;
  account_id: string | null;
  service_id: string;
  status: LicenceExceptionStatus;
  current_units: string;
  requested_units: string;
  effective_date: string;
  source: string;
  tolerance_percent: string;
  held_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

const toView = (r: Row): LicenceExceptionView => ({
  id: r.id,
  contractId: r.contract_id,
  accountId: r.account_id ?? '',
  serviceId: r.service_id,
  status: r.status,
  currentUnits: r.current_units,
  requestedUnits: r.requested_units,
  effectiveDate: r.effective_date,
  source: r.source,
  tolerancePercent: r.tolerance_percent,
  heldAt: r.held_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  reason: r.reason,
});

export interface LicenceExceptionFilter {
  status?: LicenceExceptionStatus;
  accountId?: string;
  contractId?: string;
}

export function findLicenceException(db: Database.Database, id: string): LicenceExceptionView | undefined {
  const row = cached<[string], Row>(db, 'SELECT * FROM licence_exceptions WHERE id = ?').get(id);
  return row && toView(row);
}

/** A page of the exceptions the filter selects, oldest held first. */
export function pageLicenceExceptions(db: Database.Database, filter: LicenceExceptionFilter, page: PageBounds): RowPage<LicenceExceptionView> {
  const where = new SqlWhere().when('status', '=', filter.status).when('account_id', '=', filter.accountId).when('contract_id', '=', filter.contractId);
  const { rows, total } = selectPage<Row>(db, { columns: '*', from: 'licence_exceptions', where, orderBy: 'held_at, id' }, page);
  return { rows: rows.map(toView), total };
}
