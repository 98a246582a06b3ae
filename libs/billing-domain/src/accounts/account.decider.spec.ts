import { taxRegionDecider } from '../catalog/tax-region.decider';
import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { accountTerms } from '../testing/fixtures';
import { accountDecider } from './account.decider';
import type { AccountEvent, AccountTerms } from './account.events';

const created = (overrides: Partial<AccountTerms> = {}): AccountEvent => ({ type: 'AccountCreated', data: accountTerms(overrides) });

const accounts = deciderSpec(accountDecider);

describe('account decider', () => {
  it('creates an account', () => {
    accounts.given([]).when({ type: 'CreateAccount', terms: accountTerms() }).then([created()]);
  });

  it('the same create again decides nothing (idempotent)', () => {
    accounts.given([created()]).when({ type: 'CreateAccount', terms: accountTerms() }).then([]);
  });

  it('the same id with other details is a conflict', () => {
    accounts
      .given([created()])
      .when({ type: 'CreateAccount', terms: accountTerms({ name: 'Other' }) })
      .then(conflict('id-reused'));
  });

  it('a parent must exist, must not be the account itself, and must not be its child', () => {
    const child = accountTerms({ accountId: 'child', parentAccountId: 'acme', invoiceToParent: true });
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: child, parent: { status: 'none' } })
      .then(notFound('parent account', 'acme'));
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: accountTerms({ parentAccountId: 'acme' }), parent: accounts.given([]).state() })
      .then(rule('account-parent'));
    const parent = accounts.given([created()]).state();
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: child, parent })
      .then([{ type: 'AccountCreated', data: child }]);
    // acme's parent would be its own child
    const childOfAcme = accounts.given([{ type: 'AccountCreated', data: child }]).state();
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: accountTerms({ parentAccountId: 'child' }), parent: childOfAcme })
      .then(rule('account-parent'));
  });

  it('invoiceToParent without a parent is refused', () => {
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: accountTerms({ invoiceToParent: true }) })
      .then(rule('invoice-to-parent'));
  });

  it('a tax region must exist', () => {
    const taxed = accountTerms({ taxRegionId: 'ny' });
    accounts.given([]).when({ type: 'CreateAccount', terms: taxed }).then(notFound('tax region', 'ny').withMessage('tax region ny does not exist'));
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: taxed, taxRegion: { status: 'none' } })
      .then(notFound('tax region', 'ny'));
    const ny = deciderSpec(taxRegionDecider)
      .given([{ type: 'TaxRegionCreated', data: { taxRegionId: 'ny', name: 'New York', rates: [] } }])
      .state();
    accounts
      .given([])
      .when({ type: 'CreateAccount', terms: taxed, taxRegion: ny })
      .then([{ type: 'AccountCreated', data: taxed }]);
  });
});
