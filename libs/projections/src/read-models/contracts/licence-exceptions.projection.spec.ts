import type { ContractEvent } from '@billing/domain';
import { contractTerms } from '@billing/domain/testing/fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { licenceExceptionsProjection } from './licence-exceptions.projection';
import { findLicenceException, pageLicenceExceptions } from './licence-exceptions.query';

const held = (exceptionId: string, requestedUnits: string): ContractEvent => ({
  type: 'LicenceChangeHeld',
  data: {
    contractId: 'rec',
    serviceId: 'desk',
    exceptionId,
    currentUnits: '40',
    requestedUnits,
    effectiveDate: '2026-04-21',
    source: 'm365',
    tolerancePercent: '20',
  },
});

// given: a recurring contract of acme; three counts held, one rejected, one superseded by the third
const events = [
  { event: { type: 'ContractCreated', data: contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY' }) } as ContractEvent },
  { event: held('lic:rec:1', '400'), occurredAt: '2026-04-21T08:00:00.000Z' },
  {
    event: { type: 'LicenceExceptionRejected', data: { contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'sync glitch' } } as ContractEvent,
    occurredAt: '2026-04-22T09:00:00.000Z',
  },
  { event: held('lic:rec:2', '300'), occurredAt: '2026-04-23T08:00:00.000Z' },
  {
    event: {
      type: 'LicenceExceptionSuperseded',
      data: { contractId: 'rec', exceptionId: 'lic:rec:2', byUnits: '90', byEffectiveDate: '2026-04-24' },
    } as ContractEvent,
    occurredAt: '2026-04-24T08:00:00.000Z',
  },
  { event: held('lic:rec:3', '90'), occurredAt: '2026-04-24T08:00:00.000Z' },
].map((e) => ({ ...e, streamId: 'contract-rec' }));

describe('licence exceptions read model', () => {
  it('lists the held counts with what they were measured against, by status, oldest first', async () => {
    const db = await projectionSpec(licenceExceptionsProjection).given(events).readModel();
    expect(pageLicenceExceptions(db, { status: 'HELD' }, { limit: 10, offset: 0 })).toEqual({
      rows: [
        {
          id: 'lic:rec:3',
          contractId: 'rec',
          accountId: 'acme',
          serviceId: 'desk',
          status: 'HELD',
          currentUnits: '40',
          requestedUnits: '90',
          effectiveDate: '2026-04-21',
          source: 'm365',
          tolerancePercent: '20',
          heldAt: '2026-04-24T08:00:00.000Z',
          decidedAt: null,
          decidedBy: null,
          reason: null,
        },
      ],
      total: 1,
    });
    expect(pageLicenceExceptions(db, { accountId: 'acme' }, { limit: 10, offset: 0 }).rows.map((e) => [e.id, e.status])).toEqual([
      ['lic:rec:1', 'REJECTED'],
      ['lic:rec:2', 'SUPERSEDED'],
      ['lic:rec:3', 'HELD'],
    ]);
    expect(findLicenceException(db, 'lic:rec:1')).toMatchObject({ status: 'REJECTED', decidedAt: '2026-04-22T09:00:00.000Z', reason: 'sync glitch' });
    expect(findLicenceException(db, 'lic:rec:9')).toBeUndefined();
  });
});
