import type Database from 'better-sqlite3';
import type { BillingCodeCreated, BillingCodeTerms } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { billingCodesProjection } from './billing-codes.projection';
import { findBillingCode, listBillingCodes } from './billing-codes.query';

const code = (terms: BillingCodeTerms, occurredAt: string) => ({
  event: { type: 'BillingCodeCreated', data: terms } satisfies BillingCodeCreated,
  streamId: `billingCode-${terms.billingCodeId}`,
  occurredAt,
});

const events = [
  code({ billingCodeId: 'hw', name: 'Hardware', type: 'material', taxCategory: 'goods', glAccount: '4000' }, '2026-01-01T00:00:00.000Z'),
  code({ billingCodeId: 'mileage', name: 'Mileage', type: 'expense', taxCategory: null, glAccount: null }, '2026-01-02T00:00:00.000Z'),
  code({ billingCodeId: 'backup', name: 'Backup', type: 'service', taxCategory: 'services', glAccount: '4100' }, '2026-01-03T00:00:00.000Z'),
  code({ billingCodeId: 'golive', name: 'Go-live', type: 'milestone', taxCategory: null, glAccount: '4200' }, '2026-01-04T00:00:00.000Z'),
];

describe('billing-codes read model', () => {
  it('finds a billing code by id with its type, tax category, GL account and creation time', async () => {
    // given
    const spec = projectionSpec(billingCodesProjection).given(events);
    // then
    await spec.then((db) => findBillingCode(db, 'hw'), {
      id: 'hw',
      name: 'Hardware',
      type: 'material',
      taxCategory: 'goods',
      glAccount: '4000',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await spec.then((db) => findBillingCode(db, 'mileage'), {
      id: 'mileage',
      name: 'Mileage',
      type: 'expense',
      taxCategory: null,
      glAccount: null,
      createdAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('lists by name and finds nothing for an unknown id', async () => {
    // given
    const db = await projectionSpec(billingCodesProjection).given(events).readModel();
    // then
    expect(listBillingCodes(db).map((c) => [c.id, c.type])).toEqual([
      ['backup', 'service'],
      ['golive', 'milestone'],
      ['hw', 'material'],
      ['mileage', 'expense'],
    ]);
    expect(findBillingCode(db, 'nope')).toBeUndefined();
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => billingCodesProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(billingCodesProjection).given(events);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(4);
    expect(second).toEqual(first);
  });
});
