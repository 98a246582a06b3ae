import type Database from 'better-sqlite3';
import type { ExclusionSetEvent } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { exclusionSetsProjection } from './exclusion-sets.projection';
import { findExclusionSet, listExclusionSets } from './exclusion-sets.query';

const on = (event: ExclusionSetEvent, occurredAt: string) => ({ event, streamId: `exclusionSet-${event.data.exclusionSetId}`, occurredAt });

const created = [
  on({ type: 'ExclusionSetCreated', data: { exclusionSetId: 'gold', name: 'Gold', workTypeIds: ['after-hours'], roleIds: [] } }, '2026-01-01T00:00:00.000Z'),
  on(
    { type: 'ExclusionSetCreated', data: { exclusionSetId: 'bronze', name: 'Bronze', workTypeIds: ['after-hours', 'onsite'], roleIds: ['arch'] } },
    '2026-01-02T00:00:00.000Z',
  ),
];
const changed = [
  ...created,
  on(
    { type: 'ExclusionSetChanged', data: { exclusionSetId: 'gold', name: 'Gold plus', workTypeIds: [], roleIds: ['arch', 'eng'] } },
    '2026-03-15T10:30:00.000Z',
  ),
];

describe('exclusion-sets read model', () => {
  it('shows a new set as created, updated when it was created', async () => {
    // given
    const spec = projectionSpec(exclusionSetsProjection).given(created);
    // then
    await spec.then((db) => findExclusionSet(db, 'bronze'), {
      id: 'bronze',
      name: 'Bronze',
      workTypeIds: ['after-hours', 'onsite'],
      roleIds: ['arch'],
      createdAt: '2026-01-02T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('shows a changed set as it is now: updatedAt moves, createdAt stays', async () => {
    // given: Gold created on 2026-01-01, changed on 2026-03-15
    const spec = projectionSpec(exclusionSetsProjection).given(changed);
    // then
    await spec.then((db) => findExclusionSet(db, 'gold'), {
      id: 'gold',
      name: 'Gold plus',
      workTypeIds: [],
      roleIds: ['arch', 'eng'],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-03-15T10:30:00.000Z',
    });
  });

  it('a change of one set leaves the others alone', async () => {
    // given
    const spec = projectionSpec(exclusionSetsProjection).given(changed);
    // then
    await spec.then((db) => findExclusionSet(db, 'bronze')?.updatedAt, '2026-01-02T00:00:00.000Z');
  });

  it('lists by name (the new name after a change) and finds nothing for an unknown id', async () => {
    // given
    const before = await projectionSpec(exclusionSetsProjection).given(created).readModel();
    const after = await projectionSpec(exclusionSetsProjection)
      .given([
        ...changed,
        on({ type: 'ExclusionSetChanged', data: { exclusionSetId: 'gold', name: 'Alpha', workTypeIds: [], roleIds: [] } }, '2026-04-01T00:00:00.000Z'),
      ])
      .readModel();
    // then
    expect(listExclusionSets(before).map((s) => s.name)).toEqual(['Bronze', 'Gold']);
    expect(listExclusionSets(after).map((s) => s.name)).toEqual(['Alpha', 'Bronze']);
    expect(findExclusionSet(after, 'nope')).toBeUndefined();
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => exclusionSetsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(exclusionSetsProjection).given(changed);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(2);
    expect(second).toEqual(first);
  });
});
