import type { AccountTerms } from '../accounts/account.events';
import type { ContractTerms } from '../contracts/contract.events';
import { accountTerms, contractTerms } from '../testing/fixtures';
import { billToOf, type BillTo } from './bill-to';

/** The contract `tm` of `acme`, with its purchase order number PO-7. */
const contract = (overrides: Partial<ContractTerms> = {}) => contractTerms({ purchaseOrderNumber: 'PO-7', ...overrides });

describe('billToOf (billing-rules §10: the bill-to account, and the purchase order an item carries)', () => {
  describe('an item on a contract', () => {
    it.each<[string, Partial<ContractTerms>, BillTo]>([
      [
        'a bill-to account (third-party or parent billing) → the bill-to account',
        { billToAccountId: 'group' },
        { billToAccountId: 'group', purchaseOrderNumber: 'PO-7' },
      ],
      ['no bill-to account → the contract’s account', { billToAccountId: null }, { billToAccountId: 'acme', purchaseOrderNumber: 'PO-7' }],
      ['no purchase order number → none', { purchaseOrderNumber: null }, { billToAccountId: 'acme', purchaseOrderNumber: null }],
      [
        'a bill-to account and no purchase order number',
        { billToAccountId: 'payer', purchaseOrderNumber: null },
        { billToAccountId: 'payer', purchaseOrderNumber: null },
      ],
      ['of a child account, without bill-to → the child, not its parent', { accountId: 'child' }, { billToAccountId: 'child', purchaseOrderNumber: 'PO-7' }],
    ])('given a contract with %s', (_name, terms, expected) => {
      expect(billToOf({ contract: contract(terms) })).toEqual(expected);
    });
  });

  describe('an item without a contract', () => {
    it.each<[string, Partial<AccountTerms>, BillTo]>([
      [
        'that invoices to its parent → the parent',
        { accountId: 'child', parentAccountId: 'group', invoiceToParent: true },
        { billToAccountId: 'group', purchaseOrderNumber: null },
      ],
      [
        'with a parent it does not invoice to → the account',
        { accountId: 'child', parentAccountId: 'group', invoiceToParent: false },
        { billToAccountId: 'child', purchaseOrderNumber: null },
      ],
      ['without a parent → the account', {}, { billToAccountId: 'acme', purchaseOrderNumber: null }],
      [
        'set to invoice to a parent it does not have → the account',
        { invoiceToParent: true, parentAccountId: null },
        { billToAccountId: 'acme', purchaseOrderNumber: null },
      ],
    ])('given an account %s, with no purchase order number', (_name, terms, expected) => {
      expect(billToOf({ account: accountTerms(terms) })).toEqual(expected);
    });
  });
});
