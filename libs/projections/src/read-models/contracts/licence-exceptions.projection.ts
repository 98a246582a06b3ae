import type { RecordedEvent } from '@billing/event-store';
import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

/**
 * The licence counts held beyond a contract's tolerance (billing-rules §7, §13), and how each
 * ended: confirmed, rejected, or superseded by a later count. Finance lists them here; the
 * contract's stream has the last word when one is decided.
 */
export const licenceExceptionsProjection = billingProjection({
  name: 'licence-exceptions',
  version: 1,
  tables: ['licence_exceptions', 'licence_exception_contracts'],
  canHandle: ['ContractCreated', 'LicenceChangeHeld', 'LicenceExceptionConfirmed', 'LicenceExceptionRejected', 'LicenceExceptionSuperseded'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS licence_exceptions (
      id TEXT PRIMARY KEY, contract_id TEXT NOT NULL, account_id TEXT NOT NULL, service_id TEXT NOT NULL, status TEXT NOT NULL,
      current_units TEXT NOT NULL, requested_units TEXT NOT NULL, effective_date TEXT NOT NULL, source TEXT NOT NULL,
      tolerance_percent TEXT NOT NULL, held_at TEXT NOT NULL, decided_at TEXT, decided_by TEXT, reason TEXT)`);
    db.exec('CREATE INDEX IF NOT EXISTS licence_exceptions_by_status ON licence_exceptions (status, held_at, id)');
    db.exec('CREATE TABLE IF NOT EXISTS licence_exception_contracts (contract_id TEXT PRIMARY KEY, account_id TEXT NOT NULL)');
    const rememberContract = db.prepare('INSERT OR IGNORE INTO licence_exception_contracts (contract_id, account_id) VALUES (?, ?)');
    const hold = db.prepare(`INSERT OR REPLACE INTO licence_exceptions
      (id, contract_id, account_id, service_id, status, current_units, requested_units, effective_date, source, tolerance_percent, held_at)
      VALUES (@id, @contract_id, (SELECT account_id FROM licence_exception_contracts WHERE contract_id = @contract_id), @service_id, 'HELD',
        @current_units, @requested_units, @effective_date, @source, @tolerance_percent, @held_at)`);
    const decide = db.prepare('UPDATE licence_exceptions SET status = ?, decided_at = ?, decided_by = ?, reason = ? WHERE id = ?');

    const decided = (recorded: RecordedEvent, exceptionId: string, status: string, reason: string | null) => {
      const actor = recorded.metadata.actor;
      decide.run(status, occurredAt(recorded), typeof actor === 'string' ? actor : null, reason, exceptionId);
    };

    return (event, recorded) => {
      switch (event.type) {
        case 'ContractCreated':
          rememberContract.run(event.data.contractId, event.data.accountId);
          return;
        case 'LicenceChangeHeld': {
          const e = event.data;
          hold.run({
            id: e.exceptionId,
            contract_id: e.contractId,
            service_id: e.serviceId,
            current_units: e.currentUnits,
            requested_units: e.requestedUnits,
            effective_date: e.effectiveDate,
            source: e.source,
            tolerance_percent: e.tolerancePercent,
            held_at: occurredAt(recorded),
          });
          return;
        }
        case 'LicenceExceptionConfirmed':
          return decided(recorded, event.data.exceptionId, 'CONFIRMED', event.data.reason);
        case 'LicenceExceptionRejected':
          return decided(recorded, event.data.exceptionId, 'REJECTED', event.data.reason);
        case 'LicenceExceptionSuperseded':
          return decided(recorded, event.data.exceptionId, 'SUPERSEDED', null);
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
