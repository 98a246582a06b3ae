import type Database from 'better-sqlite3';
import type { ContractEvent } from '@billing/domain';
import { contractTerms } from '@billing/domain/testing/fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { contractsProjection } from './contracts.projection';
import { findContract, findDefaultContract, listAccrualCandidates, listContracts } from './contracts.query';

const events: ContractEvent[] = [
  { type: 'ContractCreated', data: contractTerms({ contractId: 'blk', name: 'Acme blocks', type: 'BLOCK_HOURS', overageRate: '140' }) },
  {
    type: 'ContractCreated',
    data: contractTerms({ contractId: 'rec', name: 'Acme recurring', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', isDefault: true }),
  },
  { type: 'ContractCreated', data: contractTerms({ contractId: 'glx', accountId: 'globex', name: 'Globex T&M' }) },
  {
    type: 'BlockPurchased',
    data: {
      contractId: 'blk',
      purchaseId: 'b2',
      sequence: 2,
      startDate: '2026-07-01',
      endDate: '2026-12-31',
      hours: '10',
      hourlyRate: '120',
      purchasedAt: '2026-01-03T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  {
    type: 'BlockPurchased',
    data: {
      contractId: 'blk',
      purchaseId: 'b1',
      sequence: 1,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      hours: '20',
      hourlyRate: '120',
      purchasedAt: '2026-01-02T00:00:00.000Z',
      billingCodeId: null,
    },
  },
  { type: 'ServiceAdded', data: { contractId: 'rec', serviceId: 's1', name: 'Desktops', units: '25', unitPrice: '30', unitCost: '12', billingCodeId: null } },
  { type: 'ContractTermsChanged', data: { contractId: 'blk', endDate: '2027-12-31', purchaseOrderNumber: 'PO-9' } },
];

/** Each event on its contract's stream, the n-th on 2026-01-0n. */
const given = (list: ContractEvent[]) =>
  projectionSpec(contractsProjection)
    .given(list.map((event, i) => ({ event, streamId: `contract-${event.data.contractId}`, occurredAt: `2026-01-0${i + 1}T00:00:00.000Z` })))
    .readModel();

describe('contracts read model', () => {
  it('shows terms, purchases in sequence order and services', async () => {
    const db = await given(events);
    expect(findContract(db, 'blk')).toMatchObject({
      id: 'blk',
      endDate: '2027-12-31',
      purchaseOrderNumber: 'PO-9',
      purchases: [
        { id: 'b1', kind: 'BLOCK', sequence: 1, hours: '20' },
        { id: 'b2', kind: 'BLOCK', sequence: 2, hours: '10' },
      ],
      services: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-07T00:00:00.000Z',
    });
    expect(findContract(db, 'rec')?.services).toEqual([{ id: 's1', name: 'Desktops', units: '25', unitPrice: '30', unitCost: '12', billingCodeId: null }]);
    expect(findContract(db, 'nope')).toBeUndefined();
  });

  it('lists by account, type and status', async () => {
    const db = await given(events);
    expect(listContracts(db).map((c) => c.id)).toEqual(['blk', 'rec', 'glx']);
    expect(listContracts(db, { accountId: 'acme' }).map((c) => c.id)).toEqual(['blk', 'rec']);
    expect(listContracts(db, { type: 'TIME_AND_MATERIALS' }).map((c) => c.id)).toEqual(['glx']);
    expect(listContracts(db, { status: 'INACTIVE' })).toEqual([]);
  });

  it("finds the account's active default contract", async () => {
    expect(findDefaultContract(await given(events), 'acme')).toBe('rec');
    expect(findDefaultContract(await given(events), 'globex')).toBeNull();
    const deactivated = await given([...events, { type: 'ContractTermsChanged', data: { contractId: 'rec', status: 'INACTIVE', isDefault: false } }]);
    expect(findDefaultContract(deactivated, 'acme')).toBeNull();
    expect(listContracts(deactivated, { status: 'INACTIVE' }).map((c) => c.id)).toEqual(['rec']);
  });

  it('a service shows its units as changed since (billing-rules §7)', async () => {
    const db = await given([
      ...events,
      {
        type: 'ServiceUnitsChanged',
        data: { contractId: 'rec', serviceId: 's1', units: '27', previousUnits: '25', effectiveDate: '2026-02-01', source: null, exceptionId: null },
      },
    ]);
    expect(findContract(db, 'rec')?.services).toEqual([{ id: 's1', name: 'Desktops', units: '27', unitPrice: '30', unitCost: '12', billingCodeId: null }]);
  });

  it('lists the active contracts accrual may create items for: recurring ones, and those with a setup fee', async () => {
    const db = await given([
      ...events,
      { type: 'ContractCreated', data: contractTerms({ contractId: 'fee', name: 'With a setup fee', setupFee: '500' }) },
      {
        type: 'ContractCreated',
        data: contractTerms({ contractId: 'old', name: 'Old recurring', type: 'RECURRING_SERVICE', periodType: 'YEARLY', status: 'INACTIVE' }),
      },
    ]);
    expect(listAccrualCandidates(db)).toEqual(['fee', 'rec']);
  });

  it('a rebuild from the same events gives identical rows', async () => {
    const dump = (db: Database.Database) => contractsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
    expect(dump(await given(events))).toEqual(dump(await given(events)));
  });
});
