import type { ActorRole } from '../shared/actor-role';
import type { Decider } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { evolveApiKey, initialApiKeyState, type ApiKeyEvent, type ApiKeyState } from './api-key.events';

export interface IssueApiKey {
  type: 'IssueApiKey';
  apiKeyId: string;
  name: string;
  role: ActorRole;
  keyHash: string;
  bootstrap: boolean;
  resourceId: string | null;
}

export interface RevokeApiKey {
  type: 'RevokeApiKey';
  apiKeyId: string;
  revokedBy: string;
  reason: string;
  /** Whether another finance key would still work after this one stops (the handler counts them). */
  anotherFinanceKeyRemains: boolean;
}

export interface RotateApiKey {
  type: 'RotateApiKey';
  apiKeyId: string;
  keyHash: string;
  rotatedBy: string;
  reason: string;
}

export type ApiKeyCommand = IssueApiKey | RevokeApiKey | RotateApiKey;

function decideApiKey(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey': {
      const { type: _type, ...data } = command;
      if (state.status !== 'none') {
        // A retry of the same request: the key was shown once and cannot be shown again.
        if (state.key.name === command.name && state.key.role === command.role && state.key.resourceId === command.resourceId) return [];
        throw new Conflict('id-reused', `API key ${command.apiKeyId} already exists with another name, role or resource`);
      }
      // billing-rules §12: a technician acts on its own work, so its key names whose work that is.
      if (command.role === 'technician' && command.resourceId === null)
        throw new RuleViolation('technician-key-needs-resource', 'a technician key must name the person it acts for (resourceId)');
      if (command.role !== 'technician' && command.resourceId !== null)
        throw new RuleViolation('resource-only-for-technician', `only technician keys act for one person; a ${command.role} key has no resourceId`);
      return [{ type: 'ApiKeyIssued', data }];
    }
    case 'RevokeApiKey': {
      if (state.status === 'none') throw new NotFound('API key', command.apiKeyId);
      if (state.status === 'revoked') return [];
      if (state.key.role === 'finance' && !command.anotherFinanceKeyRemains)
        throw new RuleViolation('last-finance-key', `API key ${command.apiKeyId} is the last working finance key; issue another before revoking it`);
      return [{ type: 'ApiKeyRevoked', data: { apiKeyId: command.apiKeyId, revokedBy: command.revokedBy, reason: command.reason } }];
    }
    case 'RotateApiKey': {
      if (state.status === 'none') throw new NotFound('API key', command.apiKeyId);
      if (state.status === 'revoked') throw new Conflict('api-key-revoked', `API key ${command.apiKeyId} was revoked; issue a new key instead`);
      const { type: _type, ...data } = command;
      return [{ type: 'ApiKeyRotated', data }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  decide: decideApiKey,
  evolve: evolveApiKey,
  initialState: initialApiKeyState,
};
