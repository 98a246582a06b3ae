import type { AccountState } from '../accounts/account.events';
import { contractDecider } from '../contracts/contract.decider';
import type { ContractEvent } from '../contracts/contract.events';
import { NotFound, RuleViolation } from '../shared/domain-errors';
import { deciderSpec } from '../testing/decider-spec';
import { activeAccount, contractTerms, namedContract } from '../testing/fixtures';
import { checkNamedContract, namedContractOf, type NamedContract } from './named-contract';

const contracts = deciderSpec(contractDecider);

// acme, a child of group
const acme = activeAccount({ parentAccountId: 'group' });
const named = namedContract();
const item = (overrides: Partial<Parameters<typeof checkNamedContract>[0]> = {}) => ({
  kind: 'charge',
  id: 'c1',
  accountId: 'acme',
  contractId: 'tm',
  date: '2026-11-02',
  ...overrides,
});

describe('named contract (what a charge, expense or ticket knows of the contract it names)', () => {
  it('given no contract on the stream, then there is nothing to name', () => {
    expect(namedContractOf(contracts.given([]).state())).toBeUndefined();
  });

  it('given a contract, then its current account, type, status and dates', () => {
    const history: ContractEvent[] = [
      { type: 'ContractCreated', data: contractTerms() },
      { type: 'ContractTermsChanged', data: { contractId: 'tm', status: 'INACTIVE', endDate: '2027-06-30' } },
    ];
    expect(namedContractOf(contracts.given(history).state())).toEqual({
      contractId: 'tm',
      accountId: 'acme',
      type: 'TIME_AND_MATERIALS',
      status: 'INACTIVE',
      startDate: '2026-01-01',
      endDate: '2027-06-30',
    });
  });

  describe('checkNamedContract (billing-rules §8: not routed, so it must fit as named)', () => {
    it.each<[string, Parameters<typeof checkNamedContract>[0], AccountState, NamedContract | undefined]>([
      ['no contract named', item({ contractId: null }), acme, undefined],
      ['a contract of the account, dated inside it', item(), acme, named],
      ['a contract of the parent account', item(), acme, namedContract({ accountId: 'group' })],
      ['an item dated the first day', item({ date: '2026-01-01' }), acme, named],
      ['an item dated the last day', item({ date: '2026-12-31' }), acme, named],
    ])('given %s, then it fits', (_name, theItem, account, contract) => {
      expect(() => checkNamedContract(theItem, account, contract)).not.toThrow();
    });

    it.each<[string, string, string, Parameters<typeof checkNamedContract>[0], AccountState, NamedContract | undefined]>([
      ['an unknown account (checked before the contract)', 'NotFound', 'account acme does not exist', item(), { status: 'none' }, undefined],
      ['an unknown contract', 'NotFound', 'contract tm does not exist', item(), acme, undefined],
      [
        'a contract of another account',
        'contract-of-another-account',
        'contract tm belongs to account globex, not to acme',
        item(),
        acme,
        namedContract({ accountId: 'globex' }),
      ],
      [
        'an item dated before the contract',
        'date-outside-contract',
        'charge c1 is dated 2025-12-31, outside contract tm (2026-01-01 to 2026-12-31)',
        item({ date: '2025-12-31' }),
        acme,
        named,
      ],
      [
        'an item dated after the contract',
        'date-outside-contract',
        'charge c1 is dated 2027-01-01, outside contract tm (2026-01-01 to 2026-12-31)',
        item({ date: '2027-01-01' }),
        acme,
        named,
      ],
      ['an inactive contract', 'contract-inactive', 'contract tm is not active', item(), acme, namedContract({ status: 'INACTIVE' })],
    ])('given %s, then %s', (_name, refusal, message, theItem, account, contract) => {
      const refused = () => checkNamedContract(theItem, account, contract);
      expect(refused).toThrow(refusal === 'NotFound' ? NotFound : RuleViolation);
      if (refusal !== 'NotFound') expect(refused).toThrow(expect.objectContaining({ rule: refusal }));
      expect(refused).toThrow(message);
    });
  });
});
