import type { BillingItemData } from '../ledger/ledger.events';
import type { AccountState, AccountTerms } from '../accounts/account.events';
import { contractDecider } from '../contracts/contract.decider';
import type { ContractTerms, NewContractTerms } from '../contracts/contract.events';
import { replay } from '../shared/decider';
import { namedContractOf, type NamedContract } from '../work/named-contract';

/**
 * Whole terms for specs, each with plain defaults a spec overrides where they matter, so a spec
 * states only what its case is about. Read models' specs use them too (`@billing/domain/testing/fixtures`).
 */

/** The terms that create the Time & Materials contract `tm` ("Acme T&M") of account `acme` for 2026, every other field null or empty. */
export const newContractTerms = (overrides: Partial<NewContractTerms> = {}): NewContractTerms => ({
  contractId: 'tm',
  accountId: 'acme',
  name: 'Acme T&M',
  type: 'TIME_AND_MATERIALS',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  purchaseOrderNumber: null,
  isDefault: false,
  exclusionSetId: null,
  excludedWorkTypeIds: [],
  excludedRoleIds: [],
  exclusionContractId: null,
  billToAccountId: null,
  roleRates: [],
  overageRate: null,
  blockHourMultipliers: [],
  periodType: null,
  setupFee: null,
  licenceTolerancePercent: null,
  renewalPeriod: null,
  ...overrides,
});

/** The terms of `newContractTerms` as created: the contract `tm` of `acme` for 2026, status ACTIVE. */
export const contractTerms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({ ...newContractTerms(), status: 'ACTIVE', ...overrides });

/** Account `acme` ("Acme Ltd"): no parent, no tax region, not tax exempt, 30 days to pay, in USD. */
export const accountTerms = (overrides: Partial<AccountTerms> = {}): AccountTerms => ({
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

/** The account of `accountTerms` as its stream folds to once created (the account a command carries). */
export const activeAccount = (overrides: Partial<AccountTerms> = {}): AccountState => ({ status: 'active', terms: accountTerms(overrides) });

/** What an item knows of the contract of `contractTerms` it names, as the handler loads it from the contract's stream. */
export function namedContract(overrides: Partial<ContractTerms> = {}): NamedContract {
  const named = namedContractOf(replay(contractDecider, [{ type: 'ContractCreated', data: contractTerms(overrides) }]));
  if (!named) throw new Error('a created contract names itself');
  return named;
}

/** A charge of 1 × $10.00 for `acme`, billed to `acme` without a PO, dated 2026-11-02. */
export const postedItem = (overrides: Partial<BillingItemData> = {}): BillingItemData => ({
  billingItemId: 'bi-ch-1-1',
  postingId: 'p-1',
  sourceItemId: 'ch-1',
  sourceType: 'CHARGE',
  type: 'CHARGE',
  part: 'WHOLE',
  accountId: 'acme',
  billToAccountId: 'acme',
  contractId: null,
  purchaseOrderNumber: null,
  itemDate: '2026-11-02',
  postedDate: '2026-11-10',
  quantity: '1',
  rate: '10',
  amount: '10.00',
  tax: '0.00',
  cost: '0.00',
  covered: false,
  noCharge: false,
  taxCategoryId: null,
  draws: [],
  description: 'Charge',
  approvedBy: 'fin-1',
  overrides: {},
  routingOverride: null,
  ...overrides,
});
