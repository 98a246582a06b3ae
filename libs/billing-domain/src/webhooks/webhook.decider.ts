import type { Decider } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { evolveWebhook, initialWebhookState, webhookEventTypes, type WebhookEvent, type WebhookRegisteredData, type WebhookState } from './webhook.events';

export interface RegisterWebhook extends WebhookRegisteredData {
  type: 'RegisterWebhook';
}

export interface PauseWebhook {
  type: 'PauseWebhook';
  webhookId: string;
  reason: string;
  consecutiveFailures: number;
}

export interface ResumeWebhook {
  type: 'ResumeWebhook';
  webhookId: string;
}

export interface RemoveWebhook {
  type: 'RemoveWebhook';
  webhookId: string;
  reason: string | null;
}

export type WebhookCommand = RegisterWebhook | PauseWebhook | ResumeWebhook | RemoveWebhook;

/** The same registration sent again: same URL and types, and the same secret (or, both times, none). */
function sameRegistration(existing: WebhookRegisteredData, again: WebhookRegisteredData): boolean {
  const sameSecret = existing.secretGenerated ? again.secretGenerated : !again.secretGenerated && existing.secretFingerprint === again.secretFingerprint;
  return existing.url === again.url && existing.types.join('\n') === again.types.join('\n') && sameSecret;
}

function decideWebhook(command: WebhookCommand, state: WebhookState): WebhookEvent[] {
  switch (command.type) {
    case 'RegisterWebhook': {
      const { type: _type, ...given } = command;
      const data = { ...given, types: webhookEventTypes(given.types) };
      if (data.types.length === 0) throw new RuleViolation('webhook-needs-types', 'a webhook names the event types it receives, or * for every type');
      if (state.status === 'none') return [{ type: 'WebhookRegistered', data }];
      if (state.status === 'removed') throw new Conflict('webhook-removed', `webhook ${command.webhookId} was removed; register another id`);
      if (sameRegistration(state.webhook, data)) return [];
      throw new Conflict('id-reused', `webhook ${command.webhookId} already exists with another URL, types or secret`);
    }
    case 'PauseWebhook': {
      if (state.status === 'none') throw new NotFound('webhook', command.webhookId);
      if (state.status !== 'active') return [];
      return [{ type: 'WebhookPaused', data: { webhookId: command.webhookId, reason: command.reason, consecutiveFailures: command.consecutiveFailures } }];
    }
    case 'ResumeWebhook': {
      if (state.status === 'none') throw new NotFound('webhook', command.webhookId);
      if (state.status === 'removed') throw new Conflict('webhook-removed', `webhook ${command.webhookId} was removed`);
      if (state.status === 'active') return [];
      return [{ type: 'WebhookResumed', data: { webhookId: command.webhookId } }];
    }
    case 'RemoveWebhook': {
      if (state.status === 'none') throw new NotFound('webhook', command.webhookId);
      if (state.status === 'removed') return [];
      return [{ type: 'WebhookRemoved', data: { webhookId: command.webhookId, reason: command.reason } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = {
  decide: decideWebhook,
  evolve: evolveWebhook,
  initialState: initialWebhookState,
};
