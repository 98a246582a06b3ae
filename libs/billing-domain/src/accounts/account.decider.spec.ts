import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { replay } from '../shared/decider';
import { taxRegionDecider } from '../catalog/tax-region.decider';
import { accountDecider, type AccountEvent, type AccountTerms } from './account.decider';

const terms = (overrides: Partial<AccountTerms> = {}): AccountTerms => ({
  accountId: 'acme',
  name: 'Acme Ltd',
  parentAccountId: null,
  invoiceToParent: false,
  taxRegionId: null,
  taxExempt: false,
  paymentTermsDays: 30,
  currency: 'USD',
  ...overrides,
});

function given(events: AccountEvent[]) {
  return replay(accountDecider, events);
}

describe('account decider', () => {
  it('creates an account', () => {
    expect(accountDecider.decide({ type: 'CreateAccount', terms: terms() }, given([]))).toEqual([{ type: 'AccountCreated', data: terms() }]);
  });

  it('the same create again decides nothing (idempotent)', () => {
    const state = given([{ type: 'AccountCreated', data: terms() }]);
    expect(accountDecider.decide({ type: 'CreateAccount', terms: terms() }, state)).toEqual([]);
  });

  it('the same id with other details is a conflict', () => {
    const state = given([{ type: 'AccountCreated', data: terms() }]);
    expect(() => accountDecider.decide({ type: 'CreateAccount', terms: terms({ name: 'Other' }) }, state)).toThrow(Conflict);
  });

  it('a parent must exist, must not be the account itself, and must not be its child', () => {
    const child = terms({ accountId: 'child', parentAccountId: 'acme', invoiceToParent: true });
    expect(() => accountDecider.decide({ type: 'CreateAccount', terms: child, parent: { status: 'none' } }, given([]))).toThrow(NotFound);
    expect(() => accountDecider.decide({ type: 'CreateAccount', terms: terms({ parentAccountId: 'acme' }), parent: given([]) }, given([]))).toThrow(
      RuleViolation,
    );
    const parent = given([{ type: 'AccountCreated', data: terms() }]);
    expect(accountDecider.decide({ type: 'CreateAccount', terms: child, parent }, given([]))).toEqual([{ type: 'AccountCreated', data: child }]);
  });

  it('invoiceToParent without a parent is refused', () => {
    expect(() => accountDecider.decide({ type: 'CreateAccount', terms: terms({ invoiceToParent: true }) }, given([]))).toThrow(RuleViolation);
  });

  it('a tax region must exist', () => {
    const taxed = terms({ taxRegionId: 'ny' });
    expect(() => accountDecider.decide({ type: 'CreateAccount', terms: taxed }, given([]))).toThrow(new NotFound('tax region', 'ny'));
    expect(() => accountDecider.decide({ type: 'CreateAccount', terms: taxed, taxRegion: { status: 'none' } }, given([]))).toThrow(NotFound);
    const ny = replay(taxRegionDecider, [{ type: 'TaxRegionCreated', data: { taxRegionId: 'ny', name: 'New York', rates: [] } }]);
    expect(accountDecider.decide({ type: 'CreateAccount', terms: taxed, taxRegion: ny }, given([]))).toEqual([{ type: 'AccountCreated', data: taxed }]);
  });
});
