import type { ActorRole } from '../shared/actor-role';
import type { Decider } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { evolveApiKey, initialApiKeyState, type ApiKeyEvent, type ApiKeyState } from './api-key.events';

export interface IssueApiKey {
  type: 'IssueApiKey';
  apiKeyId: string;
  name: string;
  role: ActorRole;
  keyHash: string;
  bootstrap: boolean;
}
export type ApiKeyCommand = IssueApiKey;

function decideApiKey(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey': {
      if (state.status === 'issued') {
        // A retry of the same request: the key was shown once and cannot be shown again.
        if (state.key.name === command.name && state.key.role === command.role) return [];
        throw new Conflict('id-reused', `API key ${command.apiKeyId} already exists with another name or role`);
      }
      const { type: _type, ...data } = command;
      return [{ type: 'ApiKeyIssued', data }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  decide: decideApiKey,
  evolve: evolveApiKey,
  initialState: initialApiKeyState,
};
