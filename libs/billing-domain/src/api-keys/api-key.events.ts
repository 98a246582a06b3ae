import type { ActorRole } from '../shared/actor-role';
import type { DomainEvent } from '../shared/decider';

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

export const apiKeyStream = (apiKeyId: string) => `apiKey-${apiKeyId}`;

export const initialApiKeyState = (): ApiKeyState => ({ status: 'none' });

export function evolveApiKey(_state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued':
      return { status: 'issued', key: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
