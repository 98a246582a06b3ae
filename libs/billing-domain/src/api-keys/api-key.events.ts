import type { ActorRole } from '../shared/actor-role';
import type { DomainEvent } from '../shared/decider';

export interface ApiKeyIssuedData {
  apiKeyId: string;
  name: string;
  role: ActorRole;
  /** SHA-256 of the key, hex; the key itself is never stored. */
  keyHash: string;
  bootstrap: boolean;
  /** The person whose work a technician key may touch (billing-rules §12); null for other roles. Added in v2. */
  resourceId: string | null;
}

export interface ApiKeyRevokedData {
  apiKeyId: string;
  /** The key that revoked it. */
  revokedBy: string;
  reason: string;
}

/** A new key replaces the old one under the same id, name and role; the old key stops working. */
export interface ApiKeyRotatedData {
  apiKeyId: string;
  keyHash: string;
  rotatedBy: string;
  reason: string;
}

export type ApiKeyIssued = DomainEvent<'ApiKeyIssued', ApiKeyIssuedData>;
export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', ApiKeyRevokedData>;
export type ApiKeyRotated = DomainEvent<'ApiKeyRotated', ApiKeyRotatedData>;
export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked | ApiKeyRotated;

export type ApiKeyState =
  { status: 'none' } | { status: 'issued'; key: ApiKeyIssuedData } | { status: 'revoked'; key: ApiKeyIssuedData; revocation: ApiKeyRevokedData };

export const apiKeyStream = (apiKeyId: string) => `apiKey-${apiKeyId}`;

export const initialApiKeyState = (): ApiKeyState => ({ status: 'none' });

export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued':
      return { status: 'issued', key: event.data };
    case 'ApiKeyRevoked':
      return state.status === 'issued' ? { status: 'revoked', key: state.key, revocation: event.data } : state;
    case 'ApiKeyRotated':
      return state.status === 'issued' ? { status: 'issued', key: { ...state.key, keyHash: event.data.keyHash } } : state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
