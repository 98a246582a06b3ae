import { NotFound, RuleViolation } from '../shared/domain-errors';
import { activeAccount, namedContract } from '../testing/fixtures';
import { checkRoutingOverride, refuseRoutingOverride, routingOverrideOf, type RoutedEntry } from './routing-override';

// te1 of acme (a child of group), worked on 2026-11-16, routed rec → blk
const entry: RoutedEntry = { timeEntryId: 'te1', accountId: 'acme', dateWorked: '2026-11-16', contractId: 'blk', routing: ['rec', 'blk'] };
const acme = activeAccount({ parentAccountId: 'group' });

describe('routing override (billing-rules §4.4: Approve & Post re-routes an entry explicitly)', () => {
  describe('checkRoutingOverride', () => {
    it.each([
      ['an active contract of the account covering the date', 'tm', namedContract()],
      ['a contract of the parent account', 'tm', namedContract({ accountId: 'group' })],
      ['a contract starting on the date worked', 'tm', namedContract({ startDate: '2026-11-16' })],
      ['a contract ending on the date worked', 'tm', namedContract({ endDate: '2026-11-16' })],
      ['no contract', null, undefined],
    ])('given %s, then the entry may be rated there', (_name, contractId, contract) => {
      expect(() => checkRoutingOverride(entry, contractId, acme, contract)).not.toThrow();
    });

    it.each([
      [
        'a contract of another account',
        'contract-of-another-account',
        'contract tm belongs to account globex, not to acme',
        namedContract({ accountId: 'globex' }),
      ],
      ['an inactive contract', 'contract-inactive', 'contract tm is not active', namedContract({ status: 'INACTIVE' })],
      [
        'a contract that starts after the date worked',
        'date-outside-contract',
        'time entry te1 is dated 2026-11-16, outside contract tm (2026-11-17 to 2026-12-31)',
        namedContract({ startDate: '2026-11-17' }),
      ],
      [
        'a contract that ended before the date worked',
        'date-outside-contract',
        'time entry te1 is dated 2026-11-16, outside contract tm (2026-01-01 to 2026-11-15)',
        namedContract({ endDate: '2026-11-15' }),
      ],
    ])('given %s, then it is refused (422 %s)', (_name, ruleName, message, contract) => {
      expect(() => checkRoutingOverride(entry, 'tm', acme, contract)).toThrow(new RuleViolation(ruleName, message));
      expect(() => checkRoutingOverride(entry, 'tm', acme, contract)).toThrow(expect.objectContaining({ rule: ruleName }));
    });

    it('given a contract id that names nothing, then 404', () => {
      expect(() => checkRoutingOverride(entry, 'nope', acme, undefined)).toThrow(new NotFound('contract', 'nope'));
    });
  });

  describe('routingOverrideOf (what the posting records)', () => {
    it('given no contractId in the overrides, then the entry keeps its routing', () => {
      expect(routingOverrideOf(entry, undefined)).toBeNull();
      expect(routingOverrideOf(entry, { hourlyRate: '90' })).toBeNull();
    });

    it('given a contract, or null, then where routing had put it, the path, the new contract and why', () => {
      expect(routingOverrideOf(entry, { contractId: 'tm', reason: 'agreed as T&M' })).toEqual({
        routedContractId: 'blk',
        routing: ['rec', 'blk'],
        contractId: 'tm',
        reason: 'agreed as T&M',
      });
      expect(routingOverrideOf(entry, { contractId: null, reason: 'outside the agreement' })).toMatchObject({ routedContractId: 'blk', contractId: null });
    });
  });

  describe('refuseRoutingOverride (an item that is not routed)', () => {
    it('given a contractId, then 422 override-not-allowed; given none (or only prices), then nothing to refuse', () => {
      expect(() => refuseRoutingOverride('charge', 'c1', { contractId: 'tm', reason: 'x' })).toThrow(
        expect.objectContaining({ rule: 'override-not-allowed', message: 'only a time entry can be re-routed; charge c1 is not routed' }),
      );
      expect(() => refuseRoutingOverride('charge', 'c1', { contractId: null, reason: 'x' })).toThrow(RuleViolation);
      expect(() => refuseRoutingOverride('charge', 'c1', { amount: '10' })).not.toThrow();
      expect(() => refuseRoutingOverride('charge', 'c1', undefined)).not.toThrow();
    });
  });
});
