import { deciderSpec, rule } from '../testing/decider-spec';
import { defaultContractDecider, type ClaimDefaultContract } from './default-contract.decider';
import { defaultContractStream, type DefaultContractEvent } from './default-contract.events';

const claim = (contractId: string, overrides: Partial<ClaimDefaultContract> = {}): ClaimDefaultContract => ({
  type: 'ClaimDefaultContract',
  accountId: 'acme',
  contractId,
  claimedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

const claimed = (contractId: string, replacedContractId: string | null = null, claimedAt = '2026-01-01T10:00:00.000Z'): DefaultContractEvent => ({
  type: 'DefaultContractClaimed',
  data: { accountId: 'acme', contractId, replacedContractId, claimedAt },
});

const defaultContracts = deciderSpec(defaultContractDecider);

describe('default contract claim (one active default contract per account)', () => {
  it('lives on one stream per account', () => {
    expect(defaultContractStream('acme')).toBe('defaultContract-acme');
  });

  it('the first claim wins', () => {
    defaultContracts
      .given([])
      .when(claim('a'))
      .then([claimed('a')]);
  });

  it('the holder claiming again decides nothing (a retried create)', () => {
    defaultContracts
      .given([claimed('a')])
      .when(claim('a'))
      .then([]);
  });

  it('another contract is refused while the holder is an active default', () => {
    defaultContracts
      .given([claimed('a')])
      .when(claim('b', { holderStatus: 'ACTIVE_DEFAULT' }))
      .then(rule('one-default-contract').withMessage(/already has an active default contract: a/));
  });

  it('replaces a holder that is no longer an active default', () => {
    defaultContracts
      .given([claimed('a')])
      .when(claim('b', { holderStatus: 'NOT_DEFAULT' }))
      .then([claimed('b', 'a')]);
  });

  it('a holder whose contract does not exist yet is a create in progress for five minutes, then stale', () => {
    const history = [claimed('a')];
    defaultContracts
      .given(history)
      .when(claim('b', { holderStatus: 'MISSING', claimedAt: '2026-01-01T10:04:59.000Z' }))
      .then(rule('one-default-contract').withMessage(/being created/));
    defaultContracts
      .given(history)
      .when(claim('b', { holderStatus: 'MISSING', claimedAt: '2026-01-01T10:05:00.000Z' }))
      .then([claimed('b', 'a', '2026-01-01T10:05:00.000Z')]);
  });

  it('needs the holder status to decide against another holder', () => {
    // a programming error of the handler, not a refusal of the domain
    expect(
      defaultContracts
        .given([claimed('a')])
        .when(claim('b'))
        .refusal().message,
    ).toMatch(/was not given/);
  });
});
