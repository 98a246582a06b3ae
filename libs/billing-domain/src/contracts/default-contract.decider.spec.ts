import { RuleViolation } from '../shared/domain-errors';
import { replay } from '../shared/decider';
import { defaultContractDecider, defaultContractStream, type ClaimDefaultContract, type DefaultContractEvent } from './default-contract.decider';

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

const when = (events: DefaultContractEvent[], command: ClaimDefaultContract) => defaultContractDecider.decide(command, replay(defaultContractDecider, events));

describe('default contract claim (one active default contract per account)', () => {
  it('lives on one stream per account', () => {
    expect(defaultContractStream('acme')).toBe('defaultContract-acme');
  });

  it('the first claim wins', () => {
    expect(when([], claim('a'))).toEqual([claimed('a')]);
  });

  it('the holder claiming again decides nothing (a retried create)', () => {
    expect(when([claimed('a')], claim('a'))).toEqual([]);
  });

  it('another contract is refused while the holder is an active default', () => {
    expect(() => when([claimed('a')], claim('b', { holderStatus: 'ACTIVE_DEFAULT' }))).toThrow(RuleViolation);
    expect(() => when([claimed('a')], claim('b', { holderStatus: 'ACTIVE_DEFAULT' }))).toThrow(/already has an active default contract: a/);
  });

  it('replaces a holder that is no longer an active default', () => {
    expect(when([claimed('a')], claim('b', { holderStatus: 'NOT_DEFAULT' }))).toEqual([claimed('b', 'a')]);
  });

  it('a holder whose contract does not exist yet is a create in progress for five minutes, then stale', () => {
    const history = [claimed('a')];
    expect(() => when(history, claim('b', { holderStatus: 'MISSING', claimedAt: '2026-01-01T10:04:59.000Z' }))).toThrow(/being created/);
    expect(when(history, claim('b', { holderStatus: 'MISSING', claimedAt: '2026-01-01T10:05:00.000Z' }))).toEqual([
      claimed('b', 'a', '2026-01-01T10:05:00.000Z'),
    ]);
  });

  it('needs the holder status to decide against another holder', () => {
    expect(() => when([claimed('a')], claim('b'))).toThrow(/was not given/);
  });
});
