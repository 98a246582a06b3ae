import { conflict, deciderSpec } from '../testing/decider-spec';
import { apiKeyDecider, type IssueApiKey } from './api-key.decider';
import type { ApiKeyEvent } from './api-key.events';

const issue: IssueApiKey = { type: 'IssueApiKey', apiKeyId: 'k1', name: 'payroll sync', role: 'integration', keyHash: 'ab12', bootstrap: false };
const issued: ApiKeyEvent = { type: 'ApiKeyIssued', data: { apiKeyId: 'k1', name: 'payroll sync', role: 'integration', keyHash: 'ab12', bootstrap: false } };

const apiKeys = deciderSpec(apiKeyDecider);

describe('API key decider', () => {
  it('issues a key, storing only its hash', () => {
    apiKeys.given([]).when(issue).then([issued]);
  });

  it('a retried issue with the same name and role decides nothing; another role is a conflict', () => {
    apiKeys
      .given([issued])
      .when({ ...issue, keyHash: 'other' })
      .then([]);
    apiKeys
      .given([issued])
      .when({ ...issue, role: 'finance' })
      .then(conflict('id-reused'));
  });
});
