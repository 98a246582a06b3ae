import type Database from 'better-sqlite3';
import type { RoleCreated, RoleTerms } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { rolesProjection } from './roles.projection';
import { findRole, listRoles } from './roles.query';

const role = (terms: RoleTerms, occurredAt: string) => ({
  event: { type: 'RoleCreated', data: terms } satisfies RoleCreated,
  streamId: `role-${terms.roleId}`,
  occurredAt,
});

const events = [
  role({ roleId: 'eng-2', name: 'Engineer', hourlyRate: '150', hourlyCost: '62.5', blockHourMultiplier: '1' }, '2026-01-01T00:00:00.000Z'),
  role({ roleId: 'arch', name: 'Architect', hourlyRate: '210.75', hourlyCost: '90', blockHourMultiplier: '1.5' }, '2026-01-02T00:00:00.000Z'),
  role({ roleId: 'eng-1', name: 'Engineer', hourlyRate: '120', hourlyCost: '0', blockHourMultiplier: '1' }, '2026-01-03T00:00:00.000Z'),
];

describe('roles read model', () => {
  it('finds a role by id with its rates as given and when it was created', async () => {
    // given
    const spec = projectionSpec(rolesProjection).given(events);
    // then
    await spec.then((db) => findRole(db, 'arch'), {
      id: 'arch',
      name: 'Architect',
      hourlyRate: '210.75',
      hourlyCost: '90',
      blockHourMultiplier: '1.5',
      createdAt: '2026-01-02T00:00:00.000Z',
    });
    await spec.then((db) => findRole(db, 'eng-2'), {
      id: 'eng-2',
      name: 'Engineer',
      hourlyRate: '150',
      hourlyCost: '62.5',
      blockHourMultiplier: '1',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('finds nothing for an unknown id', async () => {
    // given
    const spec = projectionSpec(rolesProjection).given(events);
    // then
    await spec.then((db) => findRole(db, 'nope'), undefined);
  });

  it('lists roles by name, then id', async () => {
    // given: created Engineer (eng-2), Architect, Engineer (eng-1)
    const db = await projectionSpec(rolesProjection).given(events).readModel();
    // when
    const listed = listRoles(db).map((r) => [r.id, r.hourlyRate]);
    // then
    expect(listed).toEqual([
      ['arch', '210.75'],
      ['eng-1', '120'],
      ['eng-2', '150'],
    ]);
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => rolesProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(rolesProjection).given(events);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(3);
    expect(second).toEqual(first);
  });
});
