import { NotFound, RuleViolation } from '../shared/domain-errors';
import type { RoutingContract } from './rating-inputs';
import { findExclusionCycle, routeTimeEntry } from './routing';

function contract(id: string, fields: Partial<RoutingContract> = {}): RoutingContract {
  return {
    id,
    type: 'TIME_AND_MATERIALS',
    status: 'ACTIVE',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    excludedWorkTypeIds: [],
    excludedRoleIds: [],
    exclusionContractId: null,
    ...fields,
  };
}

function lookupOf(...contracts: RoutingContract[]) {
  const byId = new Map(contracts.map((c) => [c.id, c]));
  return (id: string) => byId.get(id);
}

// billing-rules §4 example: Recurring (excludes Onsite, Out-of-Hours → Block) → Block (excludes Out-of-Hours → T&M) → T&M.
const linked = lookupOf(
  contract('rec', { type: 'RECURRING_SERVICE', excludedWorkTypeIds: ['onsite', 'out-of-hours'], exclusionContractId: 'blk' }),
  contract('blk', { type: 'BLOCK_HOURS', excludedWorkTypeIds: ['out-of-hours'], exclusionContractId: 'tm' }),
  contract('tm', { type: 'TIME_AND_MATERIALS' }),
);

const entry = { dateWorked: '2026-03-02', roleId: 'tech', workTypeId: 'remote' };

describe('routeTimeEntry (billing-rules §4)', () => {
  describe('given the linked contracts of one managed-service agreement', () => {
    it.each([
      ['remote', 'rec', ['rec']],
      ['onsite', 'blk', ['rec', 'blk']],
      ['out-of-hours', 'tm', ['rec', 'blk', 'tm']],
    ])('when %s work is logged on Recurring, then it lands on %s via %j', (workTypeId, contractId, path) => {
      const result = routeTimeEntry({ ...entry, workTypeId, contractId: 'rec' }, linked);
      expect(result.contractId).toBe(contractId);
      expect(result.path).toEqual(path);
    });

    it('then the steps say why each contract passed the entry on', () => {
      const result = routeTimeEntry({ ...entry, workTypeId: 'out-of-hours', contractId: 'rec' }, linked);
      expect(result.steps).toEqual([
        { contractId: 'rec', outcome: 'EXCLUDED_WORK_TYPE' },
        { contractId: 'blk', outcome: 'EXCLUDED_WORK_TYPE' },
        { contractId: 'tm', outcome: 'ACCEPTED' },
      ]);
    });
  });

  describe('where to start', () => {
    const lookup = lookupOf(contract('named'), contract('default'));

    it('given a contract named on the entry, then it starts there, not at the default', () => {
      expect(routeTimeEntry({ ...entry, contractId: 'named', defaultContractId: 'default' }, lookup).path).toEqual(['named']);
    });

    it('given no named contract, then it starts at the account default', () => {
      expect(routeTimeEntry({ ...entry, contractId: null, defaultContractId: 'default' }, lookup)).toMatchObject({ contractId: 'default', path: ['default'] });
    });

    it('given neither, then the entry has no contract and an empty path', () => {
      expect(routeTimeEntry({ ...entry }, lookup)).toEqual({ contractId: null, path: [], steps: [] });
    });
  });

  describe('a contract applies only if active and the date worked is inside its dates', () => {
    it('given an inactive contract, then the entry moves on to its exclusion contract', () => {
      const lookup = lookupOf(contract('old', { status: 'INACTIVE', exclusionContractId: 'tm' }), contract('tm'));
      const result = routeTimeEntry({ ...entry, contractId: 'old' }, lookup);
      expect(result).toMatchObject({ contractId: 'tm', path: ['old', 'tm'] });
      expect(result.steps[0].outcome).toBe('INACTIVE');
    });

    it.each([
      ['2025-12-31', 'OUTSIDE_DATES', null], // the day before the start
      ['2026-01-01', 'ACCEPTED', 'c'], // the start date is inside
      ['2026-12-31', 'ACCEPTED', 'c'], // the end date is inside
      ['2027-01-01', 'OUTSIDE_DATES', null], // the day after the end
    ])('given work on %s, then the outcome is %s', (dateWorked, outcome, contractId) => {
      const result = routeTimeEntry({ ...entry, dateWorked, contractId: 'c' }, lookupOf(contract('c')));
      expect(result.contractId).toBe(contractId);
      expect(result.path).toEqual(['c']);
      expect(result.steps[0].outcome).toBe(outcome);
    });
  });

  describe('exclusions: own list and exclusion set', () => {
    const gold = { workTypeIds: ['projects'], roleIds: ['architect'] };
    const lookup = lookupOf(
      contract('c', { excludedWorkTypeIds: ['onsite'], excludedRoleIds: ['intern'], exclusionSet: gold, exclusionContractId: 'tm' }),
      contract('tm'),
    );

    it.each([
      ['own work-type list', { workTypeId: 'onsite' }, 'EXCLUDED_WORK_TYPE'],
      ['own role list', { roleId: 'intern' }, 'EXCLUDED_ROLE'],
      ['exclusion set work type', { workTypeId: 'projects' }, 'EXCLUDED_WORK_TYPE'],
      ['exclusion set role', { roleId: 'architect' }, 'EXCLUDED_ROLE'],
    ])('given work excluded by the %s, then it moves to the exclusion contract', (_, change, outcome) => {
      const result = routeTimeEntry({ ...entry, ...change, contractId: 'c' }, lookup);
      expect(result).toMatchObject({ contractId: 'tm', path: ['c', 'tm'] });
      expect(result.steps[0].outcome).toBe(outcome);
    });

    it('given work neither list excludes, then the contract takes it', () => {
      expect(routeTimeEntry({ ...entry, contractId: 'c' }, lookup).contractId).toBe('c');
    });

    it('given an excluding contract with no exclusion contract, then the entry ends with no contract', () => {
      const result = routeTimeEntry({ ...entry, workTypeId: 'onsite', contractId: 'c' }, lookupOf(contract('c', { excludedWorkTypeIds: ['onsite'] })));
      expect(result).toEqual({ contractId: null, path: ['c'], steps: [{ contractId: 'c', outcome: 'EXCLUDED_WORK_TYPE' }] });
    });
  });

  describe('guards', () => {
    it('given exclusion contracts that loop (saved before the rule), then routing stops with exclusion-cycle', () => {
      const lookup = lookupOf(
        contract('a', { excludedWorkTypeIds: ['remote'], exclusionContractId: 'b' }),
        contract('b', { excludedWorkTypeIds: ['remote'], exclusionContractId: 'a' }),
      );
      expect(() => routeTimeEntry({ ...entry, contractId: 'a' }, lookup)).toThrow(expect.objectContaining({ rule: 'exclusion-cycle' }));
    });

    it('given a contract id the lookup does not know, then NotFound', () => {
      expect(() => routeTimeEntry({ ...entry, contractId: 'ghost' }, lookupOf())).toThrow(NotFound);
    });

    it('given a malformed date, then invalid-date', () => {
      expect(() => routeTimeEntry({ ...entry, dateWorked: '02/03/2026' }, lookupOf())).toThrow(RuleViolation);
    });
  });
});

describe('findExclusionCycle (checked when a contract is saved)', () => {
  const lookup = lookupOf(
    contract('a', { exclusionContractId: null }),
    contract('b', { exclusionContractId: 'c' }),
    contract('c', { exclusionContractId: 'a' }),
    contract('d', { exclusionContractId: null }),
    contract('x', { exclusionContractId: 'y' }),
    contract('y', { exclusionContractId: 'x' }),
  );

  it.each([
    ['a contract pointing at itself', 'a', 'a', ['a', 'a']],
    ['a → b → c → a', 'a', 'b', ['a', 'b', 'c', 'a']],
    ['a → c → a', 'a', 'c', ['a', 'c', 'a']],
    ['a → d (ends)', 'a', 'd', null],
    ['no exclusion contract', 'a', null, null],
    ['a → ghost (unknown contract ends the path)', 'a', 'ghost', null],
    ['a → x, where x ⇄ y already loop', 'a', 'x', ['x', 'y', 'x']],
  ])('given %s, then %j', (_, id, proposed, cycle) => {
    expect(findExclusionCycle(id, proposed, lookup)).toEqual(cycle);
  });

  it('given the stored link of the contract being saved, then the proposed link replaces it', () => {
    // c's stored link points at a; saving c → d must not see the old c → a.
    expect(findExclusionCycle('c', 'd', lookup)).toBeNull();
  });
});
