import type { ActorRole } from '../shared/actor-role';
import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';

export interface ApiKeyIssuedData {
  apiKeyId: string;
  name: string;
  role: ActorRole;
  /** SHA-256 of the key, hex; the key itself is never stored. */
  keyHash: string;
  bootstrap: boolean;
}

export type ApiKeyIssued = DomainEvent<'ApiKeyIssued', ApiKeyIssuedData>;
export type ApiKeyEvent = ApiKeyIssued;

export type ApiKeyState = { status: 'none' } | { status: 'issued'; key: ApiKeyIssuedData };

export interface IssueApiKey {
  type: 'IssueApiKey';
  apiKeyId: string;
  name: string;
  role: ActorRole;
  keyHash: string;
  bootstrap: boolean;
}
export type ApiKeyCommand = IssueApiKey;

export const apiKeyStream = (apiKeyId: string) => `apiKey-${apiKeyId}`;

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'IssueApiKey': {
        if (state.status === 'issued') {
          // A retry of the same request: the key was shown once and cannot be shown again.
          if (state.key.name === command.name && state.key.role === command.role) return [];
          throw new Conflict(`API key ${command.apiKeyId} already exists with another name or role`, 'id-reused');
        }
        const { type: _type, ...data } = command;
        return [{ type: 'ApiKeyIssued', data }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'ApiKeyIssued':
        return { status: 'issued', key: event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
