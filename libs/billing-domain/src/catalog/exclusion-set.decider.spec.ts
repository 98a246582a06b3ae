import { replay } from '../shared/decider';
import { Conflict, NotFound } from '../shared/domain-errors';
import {
  exclusionSetDecider,
  exclusionSetStream,
  type ExclusionSetCommand,
  type ExclusionSetEvent,
  type ExclusionSetReferences,
  type ExclusionSetTerms,
} from './exclusion-set.decider';
import type { RoleState } from './role.decider';
import type { WorkTypeState } from './work-type.decider';

const workType = (workTypeId: string): WorkTypeState => ({
  status: 'active',
  terms: { workTypeId, name: workTypeId, billable: true, showOnInvoice: true, taxCategory: null, minHours: null, maxHours: null, modifier: { type: 'none' } },
});
const role = (roleId: string): RoleState => ({ status: 'active', terms: { roleId, name: roleId, hourlyRate: '100', hourlyCost: '0', blockHourMultiplier: '1' } });

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

const decide = (given: ExclusionSetEvent[], when: ExclusionSetCommand) => exclusionSetDecider.decide(when, replay(exclusionSetDecider, given));

describe('exclusion set decider', () => {
  it.each<[string, ExclusionSetEvent[], ExclusionSetCommand, ExclusionSetEvent[]]>([
    ['creates a set', [], create(), [created()]],
    ['ids are a set: sorted, without repeats', [], create({ workTypeIds: ['onsite', 'after-hours', 'onsite'] }), [created()]],
    ['an empty set is a set', [], create({ workTypeIds: [], roleIds: [] }), [created({ workTypeIds: [], roleIds: [] })]],
    ['the same create again decides nothing', [created()], create({ workTypeIds: ['onsite', 'after-hours'] }), []],
    ['a change records the whole new set', [created()], change({ workTypeIds: ['after-hours'], roleIds: ['engineer', 'tech'] }), [changed({ workTypeIds: ['after-hours'], roleIds: ['engineer', 'tech'] })]],
    ['a rename is a change', [created()], change({ name: 'Bronze 2027' }), [changed({ name: 'Bronze 2027' })]],
    ['a change that changes nothing decides nothing', [created()], change(), []],
    ['a change back to an earlier set is a change', [created(), changed({ workTypeIds: ['remote'] })], change(), [changed()]],
  ])('%s', (_name, given, when, then) => {
    expect(decide(given, when)).toEqual(then);
  });

  it('the same id with another set on create is a conflict (a change is a PUT)', () => {
    expect(() => decide([created()], create({ roleIds: [] }))).toThrow(Conflict);
  });

  it('every id must name an existing work type or role', () => {
    expect(() => decide([], create({ workTypeIds: ['onsite', 'nope'] }))).toThrow(new NotFound('work type', 'nope'));
    expect(() => decide([], create({ workTypeIds: ['ghost'] }))).toThrow(new NotFound('work type', 'ghost'));
    expect(() => decide([], create({ roleIds: ['engineer', 'nobody'] }))).toThrow(new NotFound('role', 'nobody'));
    expect(() => decide([created()], change({ roleIds: ['nobody'] }))).toThrow(new NotFound('role', 'nobody'));
  });

  it('changing a set that does not exist is NotFound', () => {
    expect(() => decide([], change())).toThrow(new NotFound('exclusion set', 'bronze'));
  });

  it('names its stream exclusionSet-{id}', () => {
    expect(exclusionSetStream('bronze')).toBe('exclusionSet-bronze');
  });
});
