import type { DomainEvent } from '../shared/decider';

/** Every event type: a webhook's `types` may be exactly this, alone. */
export const WEBHOOK_ALL_TYPES = '*';

export interface WebhookRegisteredData {
  webhookId: string;
  /** Where each matching event is POSTed (http or https). */
  url: string;
  /** The event types delivered, sorted and distinct; `['*']` for every type. */
  types: string[];
  /** The signing secret, encrypted with the service's webhook key: never stored in plain text. */
  sealedSecret: string;
  /** A keyed fingerprint of the secret, to tell a retried registration from another one. */
  secretFingerprint: string;
  /** The server made the secret (the client sent none); it was shown once, in the first answer. */
  secretGenerated: boolean;
}

/** Deliveries stop after too many failures in a row, until finance resumes the webhook. */
export interface WebhookPausedData {
  webhookId: string;
  reason: string;
  consecutiveFailures: number;
}

/** Deliveries go on from where they stopped, starting with the one that failed. */
export interface WebhookResumedData {
  webhookId: string;
}

/** Nothing more is delivered; the id is never used again. */
export interface WebhookRemovedData {
  webhookId: string;
  reason: string | null;
}

export type WebhookRegistered = DomainEvent<'WebhookRegistered', WebhookRegisteredData>;
export type WebhookPaused = DomainEvent<'WebhookPaused', WebhookPausedData>;
export type WebhookResumed = DomainEvent<'WebhookResumed', WebhookResumedData>;
export type WebhookRemoved = DomainEvent<'WebhookRemoved', WebhookRemovedData>;
export type WebhookEvent = WebhookRegistered | WebhookPaused | WebhookResumed | WebhookRemoved;

export type WebhookStatus = 'active' | 'paused' | 'removed';

export type WebhookState = { status: 'none' } | { status: WebhookStatus; webhook: WebhookRegisteredData; pause: WebhookPausedData | null };

export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;

export const initialWebhookState = (): WebhookState => ({ status: 'none' });

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', webhook: event.data, pause: null };
    case 'WebhookPaused':
      return state.status === 'active' ? { ...state, status: 'paused', pause: event.data } : state;
    case 'WebhookResumed':
      return state.status === 'paused' ? { ...state, status: 'active', pause: null } : state;
    case 'WebhookRemoved':
      return state.status === 'none' ? state : { ...state, status: 'removed' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The types as a webhook keeps them: distinct and sorted, or `['*']` when `*` is among them. */
export function webhookEventTypes(types: readonly string[]): string[] {
  if (types.includes(WEBHOOK_ALL_TYPES)) return [WEBHOOK_ALL_TYPES];
  return [...new Set(types)].sort();
}

/** Whether a webhook with these (normalised) types delivers an event of this type. */
export const webhookWants = (types: readonly string[], eventType: string): boolean => types[0] === WEBHOOK_ALL_TYPES || types.includes(eventType);
