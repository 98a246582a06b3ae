import { replay } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { apiKeyDecider, type IssueApiKey } from './api-key.decider';

const issue: IssueApiKey = { type: 'IssueApiKey', apiKeyId: 'k1', name: 'payroll sync', role: 'integration', keyHash: 'ab12', bootstrap: false };

describe('API key decider', () => {
  it('issues a key, storing only its hash', () => {
    const [event] = apiKeyDecider.decide(issue, apiKeyDecider.initialState);
    expect(event).toEqual({ type: 'ApiKeyIssued', data: { apiKeyId: 'k1', name: 'payroll sync', role: 'integration', keyHash: 'ab12', bootstrap: false } });
  });

  it('a retried issue with the same name and role decides nothing; another role is a conflict', () => {
    const state = replay(apiKeyDecider, apiKeyDecider.decide(issue, apiKeyDecider.initialState));
    expect(apiKeyDecider.decide({ ...issue, keyHash: 'other' }, state)).toEqual([]);
    expect(() => apiKeyDecider.decide({ ...issue, role: 'finance' }, state)).toThrow(Conflict);
  });
});
