import type Database from 'better-sqlite3';
import type { WorkTypeCreated, WorkTypeTerms } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { workTypesProjection } from './work-types.projection';
import { findWorkType, listWorkTypes } from './work-types.query';

const workType = (overrides: Partial<WorkTypeTerms> & Pick<WorkTypeTerms, 'workTypeId' | 'name'>, occurredAt: string) => ({
  event: {
    type: 'WorkTypeCreated',
    data: { billable: true, showOnInvoice: true, taxCategory: null, minHours: null, maxHours: null, modifier: { type: 'none' }, ...overrides },
  } satisfies WorkTypeCreated,
  streamId: `workType-${overrides.workTypeId}`,
  occurredAt,
});

const events = [
  workType({ workTypeId: 'remote', name: 'Remote support' }, '2026-01-01T00:00:00.000Z'),
  workType(
    { workTypeId: 'after-hours', name: 'After hours', taxCategory: 'labour', minHours: '1', maxHours: '8', modifier: { type: 'multiply', value: '1.5' } },
    '2026-01-02T00:00:00.000Z',
  ),
  workType({ workTypeId: 'discount', name: 'Discounted', modifier: { type: 'add', value: '-20' } }, '2026-01-03T00:00:00.000Z'),
  workType({ workTypeId: 'callout', name: 'Call-out', modifier: { type: 'flat', value: '95' } }, '2026-01-04T00:00:00.000Z'),
  workType({ workTypeId: 'training', name: 'Training', modifier: { type: 'custom', value: '0' } }, '2026-01-05T00:00:00.000Z'),
  workType({ workTypeId: 'internal', name: 'Internal', billable: false, showOnInvoice: false }, '2026-01-06T00:00:00.000Z'),
];

describe('work-types read model', () => {
  it('shows a work type with no modifier as { type: "none" }, without a value', async () => {
    // given
    const spec = projectionSpec(workTypesProjection).given(events);
    // then
    await spec.then((db) => findWorkType(db, 'remote'), {
      id: 'remote',
      name: 'Remote support',
      billable: true,
      showOnInvoice: true,
      taxCategory: null,
      minHours: null,
      maxHours: null,
      modifier: { type: 'none' },
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('keeps the value of every other modifier, with hours bounds and tax category', async () => {
    // given
    const db = await projectionSpec(workTypesProjection).given(events).readModel();
    // then
    expect(findWorkType(db, 'after-hours')).toEqual({
      id: 'after-hours',
      name: 'After hours',
      billable: true,
      showOnInvoice: true,
      taxCategory: 'labour',
      minHours: '1',
      maxHours: '8',
      modifier: { type: 'multiply', value: '1.5' },
      createdAt: '2026-01-02T00:00:00.000Z',
    });
    expect(findWorkType(db, 'discount')?.modifier).toEqual({ type: 'add', value: '-20' });
    expect(findWorkType(db, 'callout')?.modifier).toEqual({ type: 'flat', value: '95' });
    // a value of 0 stays "0", not a missing value
    expect(findWorkType(db, 'training')?.modifier).toEqual({ type: 'custom', value: '0' });
  });

  it('shows non-billable work types hidden from invoices as such', async () => {
    // given
    const spec = projectionSpec(workTypesProjection).given(events);
    // then
    await spec.then((db) => findWorkType(db, 'internal'), {
      id: 'internal',
      name: 'Internal',
      billable: false,
      showOnInvoice: false,
      taxCategory: null,
      minHours: null,
      maxHours: null,
      modifier: { type: 'none' },
      createdAt: '2026-01-06T00:00:00.000Z',
    });
  });

  it('finds nothing for an unknown id and lists by name', async () => {
    // given
    const db = await projectionSpec(workTypesProjection).given(events).readModel();
    // then
    expect(findWorkType(db, 'nope')).toBeUndefined();
    expect(listWorkTypes(db).map((w) => w.name)).toEqual(['After hours', 'Call-out', 'Discounted', 'Internal', 'Remote support', 'Training']);
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => workTypesProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(workTypesProjection).given(events);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(6);
    expect(second).toEqual(first);
  });
});
