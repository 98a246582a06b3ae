import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { upcast } from '../shared/event-schema';
import { apiKeyDecider, type IssueApiKey, type RevokeApiKey, type RotateApiKey } from './api-key.decider';
import type { ApiKeyEvent } from './api-key.events';

const issue: IssueApiKey = {
  type: 'IssueApiKey',
  apiKeyId: 'k1',
  name: 'payroll sync',
  role: 'integration',
  keyHash: 'ab12',
  bootstrap: false,
  resourceId: null,
};
const issued: ApiKeyEvent = {
  type: 'ApiKeyIssued',
  data: { apiKeyId: 'k1', name: 'payroll sync', role: 'integration', keyHash: 'ab12', bootstrap: false, resourceId: null },
};
const financeIssued: ApiKeyEvent = { type: 'ApiKeyIssued', data: { ...issued.data, apiKeyId: 'f1', name: 'controller', role: 'finance' } };
const revoke: RevokeApiKey = { type: 'RevokeApiKey', apiKeyId: 'k1', revokedBy: 'f1', reason: 'left the company', anotherFinanceKeyRemains: true };
const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { apiKeyId: 'k1', revokedBy: 'f1', reason: 'left the company' } };
const rotate: RotateApiKey = { type: 'RotateApiKey', apiKeyId: 'k1', keyHash: 'cd34', rotatedBy: 'f1', reason: 'leaked in a ticket' };

const apiKeys = deciderSpec(apiKeyDecider);

describe('API key decider', () => {
  describe('issue', () => {
    it('issues a key, storing only its hash', () => {
      apiKeys.given([]).when(issue).then([issued]);
    });

    it('a retried issue with the same name, role and resource decides nothing; another role or resource is a conflict', () => {
      apiKeys
        .given([issued])
        .when({ ...issue, keyHash: 'other' })
        .then([]);
      apiKeys
        .given([issued])
        .when({ ...issue, role: 'finance' })
        .then(conflict('id-reused'));
      apiKeys
        .given([issued])
        .when({ ...issue, role: 'technician', resourceId: 'r-ann' })
        .then(conflict('id-reused'));
    });

    it('a technician key names the person it acts for (billing-rules §12)', () => {
      const technician: IssueApiKey = { ...issue, role: 'technician', resourceId: 'r-ann' };
      apiKeys
        .given([])
        .when(technician)
        .then([{ type: 'ApiKeyIssued', data: { ...issued.data, role: 'technician', resourceId: 'r-ann' } }]);
      apiKeys
        .given([])
        .when({ ...technician, resourceId: null })
        .then(rule('technician-key-needs-resource'));
    });

    it('a key of another role acts for nobody in particular', () => {
      apiKeys
        .given([])
        .when({ ...issue, role: 'finance', resourceId: 'r-ann' })
        .then(rule('resource-only-for-technician'));
    });

    it('a v1 key, from before keys named a person, is read with no resource', () => {
      const { resourceId: _none, ...v1 } = issued.data;
      expect(upcast({ type: 'ApiKeyIssued', data: v1 })).toEqual(issued);
      expect(upcast({ type: 'ApiKeyIssued', data: issued.data, schemaVersion: 2 })).toEqual(issued);
    });
  });

  describe('revoke', () => {
    it('revokes a key, recording who and why; revoking it again decides nothing', () => {
      apiKeys.given([issued]).when(revoke).then([revoked]);
      apiKeys.given([issued, revoked]).when(revoke).then([]);
    });

    it('an unknown key is not found', () => {
      apiKeys.given([]).when(revoke).then(notFound('API key', 'k1'));
    });

    it('the last working finance key is not revoked; one of several is', () => {
      const revokeFinance: RevokeApiKey = { ...revoke, apiKeyId: 'f1', anotherFinanceKeyRemains: false };
      apiKeys.given([financeIssued]).when(revokeFinance).then(rule('last-finance-key'));
      apiKeys
        .given([financeIssued])
        .when({ ...revokeFinance, anotherFinanceKeyRemains: true })
        .then([{ type: 'ApiKeyRevoked', data: { apiKeyId: 'f1', revokedBy: 'f1', reason: 'left the company' } }]);
    });

    it('a key of another role is revoked even when it would leave no finance key (that count is about finance keys only)', () => {
      apiKeys
        .given([issued])
        .when({ ...revoke, anotherFinanceKeyRemains: false })
        .then([revoked]);
    });
  });

  describe('rotate', () => {
    it('replaces the hash under the same id, recording who and why', () => {
      apiKeys
        .given([issued])
        .when(rotate)
        .then([{ type: 'ApiKeyRotated', data: { apiKeyId: 'k1', keyHash: 'cd34', rotatedBy: 'f1', reason: 'leaked in a ticket' } }]);
    });

    it('a revoked key is not brought back by a rotation; an unknown one is not found', () => {
      apiKeys.given([issued, revoked]).when(rotate).then(conflict('api-key-revoked'));
      apiKeys.given([]).when(rotate).then(notFound('API key', 'k1'));
    });

    it('after a rotation the state holds the new hash, and a retried issue is still recognised', () => {
      const rotated: ApiKeyEvent = { type: 'ApiKeyRotated', data: { apiKeyId: 'k1', keyHash: 'cd34', rotatedBy: 'f1', reason: 'leaked' } };
      apiKeys.given([issued, rotated]).when(issue).then([]);
    });
  });
});
