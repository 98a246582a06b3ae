import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import { roleDecider, type RoleCommand } from './role.decider';
import { roleStream, type RoleEvent, type RoleTerms } from './role.events';

const terms = (overrides: Partial<RoleTerms> = {}): RoleTerms => ({
  roleId: 'engineer',
  name: 'Network Engineer',
  hourlyRate: '150',
  hourlyCost: '0',
  blockHourMultiplier: '1',
  ...overrides,
});
const create = (overrides: Partial<RoleTerms> = {}): RoleCommand => ({ type: 'CreateRole', terms: terms(overrides) });
const created = (overrides: Partial<RoleTerms> = {}): RoleEvent => ({ type: 'RoleCreated', data: terms(overrides) });

const roles = deciderSpec(roleDecider);

describe('role decider', () => {
  it.each<[string, RoleEvent[], RoleCommand, RoleEvent[]]>([
    ['creates a role', [], create(), [created()]],
    [
      'stores decimals in canonical form: no trailing zeros',
      [],
      create({ hourlyRate: '150.00', hourlyCost: '62.50', blockHourMultiplier: '1.5000' }),
      [created({ hourlyCost: '62.5', blockHourMultiplier: '1.5' })],
    ],
    [
      'a rate of 0 and 4 decimal places are accepted',
      [],
      create({ hourlyRate: '0.0000', hourlyCost: '12.3456' }),
      [created({ hourlyRate: '0', hourlyCost: '12.3456' })],
    ],
    ['the same create again decides nothing (idempotent)', [created()], create(), []],
    ['the same values written otherwise are the same create', [created()], create({ hourlyRate: '150.0' }), []],
  ])('%s', (_name, given, when, then) => {
    roles.given(given).when(when).then(then);
  });

  it('the same id with other details is a conflict', () => {
    roles
      .given([created()])
      .when(create({ hourlyRate: '151' }))
      .then(conflict('id-reused'));
  });

  it.each<[string, Partial<RoleTerms>]>([
    ['a negative rate', { hourlyRate: '-1' }],
    ['a negative cost', { hourlyCost: '-0.01' }],
    ['a multiplier of 0', { blockHourMultiplier: '0' }],
    ['5 decimal places', { hourlyRate: '1.23456' }],
    ['not a decimal', { hourlyRate: 'ten' }],
    ['a rate above 99999999.9999', { hourlyRate: '100000000' }],
    ['a cost above 99999999.9999', { hourlyCost: '100000000' }],
    ['a multiplier above 100', { blockHourMultiplier: '100.0001' }],
  ])('refuses %s (invalid-decimal)', (_name, overrides) => {
    roles.given([]).when(create(overrides)).then(rule('invalid-decimal'));
  });

  it('names its stream role-{id}', () => {
    expect(roleStream('engineer')).toBe('role-engineer');
  });
});
