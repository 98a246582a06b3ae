import type { AccountTerms } from '../accounts/account.events';
import type { ContractTerms } from '../contracts/contract.events';

/** The ledger (and later the invoice) an item goes to, and the purchase order it carries. */
export interface BillTo {
  billToAccountId: string;
  /** The contract's purchase order number; an item may carry its own instead (charges). */
  purchaseOrderNumber: string | null;
}

/**
 * billing-rules §10: an item on a contract goes to the contract's bill-to account, else the
 * contract's account, with the contract's purchase order number; an item without a contract goes
 * to the parent when its account invoices to the parent, else to the account itself.
 */
export function billToOf(item: { contract: ContractTerms } | { account: AccountTerms }): BillTo {
  if ('contract' in item) {
    const { billToAccountId, accountId, purchaseOrderNumber } = item.contract;
    return { billToAccountId: billToAccountId ?? accountId, purchaseOrderNumber };
  }
  const { invoiceToParent, parentAccountId, accountId } = item.account;
  return { billToAccountId: invoiceToParent && parentAccountId ? parentAccountId : accountId, purchaseOrderNumber: null };
}
