import { conflict, deciderSpec, notFound } from '../testing/decider-spec';
import { exclusionSetDecider, type ExclusionSetCommand, type ExclusionSetReferences } from './exclusion-set.decider';
import { exclusionSetStream, type ExclusionSetEvent, type ExclusionSetTerms } from './exclusion-set.events';
import type { RoleState } from './role.events';
import type { WorkTypeState } from './work-type.events';

const workType = (workTypeId: string): WorkTypeState => ({
  status: 'active',
  terms: { workTypeId, name: workTypeId, billable: true, showOnInvoice: true, taxCategory: null, minHours: null, maxHours: null, modifier: { type: 'none' } },
});
const role = (roleId: string): RoleState => ({
  status: 'active',
  terms: { roleId, name: roleId, hourlyRate: '100', hourlyCost: '0', blockHourMultiplier: '1' },
});

/** The catalog the handler would load: onsite, after-hours, remote; engineer, tech. */
const references: ExclusionSetReferences = {
  workTypes: { onsite: workType('onsite'), 'after-hours': workType('after-hours'), remote: workType('remote'), ghost: { status: 'none' } },
  roles: { engineer: role('engineer'), tech: role('tech') },
};

const terms = (overrides: Partial<ExclusionSetTerms> = {}): ExclusionSetTerms => ({
  exclusionSetId: 'bronze',
  name: 'Bronze',
  workTypeIds: ['after-hours', 'onsite'],
  roleIds: ['engineer'],
  ...overrides,
});
const create = (overrides: Partial<ExclusionSetTerms> = {}): ExclusionSetCommand => ({ type: 'CreateExclusionSet', terms: terms(overrides), ...references });
const change = (overrides: Partial<ExclusionSetTerms> = {}): ExclusionSetCommand => ({ type: 'ChangeExclusionSet', terms: terms(overrides), ...references });
const created = (overrides: Partial<ExclusionSetTerms> = {}): ExclusionSetEvent => ({ type: 'ExclusionSetCreated', data: terms(overrides) });
const changed = (overrides: Partial<ExclusionSetTerms> = {}): ExclusionSetEvent => ({ type: 'ExclusionSetChanged', data: terms(overrides) });

const exclusionSets = deciderSpec(exclusionSetDecider);

describe('exclusion set decider', () => {
  it.each<[string, ExclusionSetEvent[], ExclusionSetCommand, ExclusionSetEvent[]]>([
    ['creates a set', [], create(), [created()]],
    ['ids are a set: sorted, without repeats', [], create({ workTypeIds: ['onsite', 'after-hours', 'onsite'] }), [created()]],
    ['an empty set is a set', [], create({ workTypeIds: [], roleIds: [] }), [created({ workTypeIds: [], roleIds: [] })]],
    ['the same create again decides nothing', [created()], create({ workTypeIds: ['onsite', 'after-hours'] }), []],
    [
      'a change records the whole new set',
      [created()],
      change({ workTypeIds: ['after-hours'], roleIds: ['engineer', 'tech'] }),
      [changed({ workTypeIds: ['after-hours'], roleIds: ['engineer', 'tech'] })],
    ],
    ['a rename is a change', [created()], change({ name: 'Bronze 2027' }), [changed({ name: 'Bronze 2027' })]],
    ['a change that changes nothing decides nothing', [created()], change(), []],
    ['a change back to an earlier set is a change', [created(), changed({ workTypeIds: ['remote'] })], change(), [changed()]],
  ])('%s', (_name, given, when, then) => {
    exclusionSets.given(given).when(when).then(then);
  });

  it('the same id with another set on create is a conflict (a change is a PUT)', () => {
    exclusionSets
      .given([created()])
      .when(create({ roleIds: [] }))
      .then(conflict('id-reused'));
  });

  it('every id must name an existing work type or role', () => {
    exclusionSets
      .given([])
      .when(create({ workTypeIds: ['onsite', 'nope'] }))
      .then(notFound('work type', 'nope').withMessage('work type nope does not exist'));
    exclusionSets
      .given([])
      .when(create({ workTypeIds: ['ghost'] }))
      .then(notFound('work type', 'ghost').withMessage('work type ghost does not exist'));
    exclusionSets
      .given([])
      .when(create({ roleIds: ['engineer', 'nobody'] }))
      .then(notFound('role', 'nobody').withMessage('role nobody does not exist'));
    exclusionSets
      .given([created()])
      .when(change({ roleIds: ['nobody'] }))
      .then(notFound('role', 'nobody').withMessage('role nobody does not exist'));
  });

  it('changing a set that does not exist is NotFound', () => {
    exclusionSets.given([]).when(change()).then(notFound('exclusion set', 'bronze').withMessage('exclusion set bronze does not exist'));
  });

  it('names its stream exclusionSet-{id}', () => {
    expect(exclusionSetStream('bronze')).toBe('exclusionSet-bronze');
  });
});
