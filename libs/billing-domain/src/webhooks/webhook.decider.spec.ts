import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { webhookDecider, type RegisterWebhook } from './webhook.decider';
import { webhookEventTypes, webhookWants, type WebhookEvent } from './webhook.events';

const register: RegisterWebhook = {
  type: 'RegisterWebhook',
  webhookId: 'crm',
  url: 'https://crm.example.com/ledger',
  types: ['ItemPosted', 'InvoiceGenerated', 'ItemPosted'],
  sealedSecret: 'v1.sealed-1',
  secretFingerprint: 'fp-1',
  secretGenerated: false,
};
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: {
    webhookId: 'crm',
    url: 'https://crm.example.com/ledger',
    types: ['InvoiceGenerated', 'ItemPosted'],
    sealedSecret: 'v1.sealed-1',
    secretFingerprint: 'fp-1',
    secretGenerated: false,
  },
};
const paused: WebhookEvent = {
  type: 'WebhookPaused',
  data: { webhookId: 'crm', reason: '10 failed attempts in a row; last: HTTP 503', consecutiveFailures: 10 },
};
const resumed: WebhookEvent = { type: 'WebhookResumed', data: { webhookId: 'crm' } };
const removed: WebhookEvent = { type: 'WebhookRemoved', data: { webhookId: 'crm', reason: 'CRM retired' } };

const webhooks = deciderSpec(webhookDecider);

describe('webhook decider', () => {
  describe('register', () => {
    it('registers the URL and the types, distinct and sorted', () => {
      webhooks.given([]).when(register).then([registered]);
    });

    it('* among the types means every type, and stands alone', () => {
      webhooks
        .given([])
        .when({ ...register, types: ['ItemPosted', '*'] })
        .then([{ type: 'WebhookRegistered', data: { ...registered.data, types: ['*'] } }]);
    });

    it('no types at all is refused', () => {
      webhooks
        .given([])
        .when({ ...register, types: [] })
        .then(rule('webhook-needs-types'));
    });

    it('the same registration again decides nothing: the types in any order, the secret sealed anew', () => {
      webhooks
        .given([registered])
        .when({ ...register, types: ['ItemPosted', 'InvoiceGenerated'], sealedSecret: 'v1.sealed-again' })
        .then([]);
    });

    it('another URL, other types or another secret under the same id is a conflict', () => {
      webhooks
        .given([registered])
        .when({ ...register, url: 'https://crm.example.com/other' })
        .then(conflict('id-reused'));
      webhooks
        .given([registered])
        .when({ ...register, types: ['ItemPosted'] })
        .then(conflict('id-reused'));
      webhooks
        .given([registered])
        .when({ ...register, secretFingerprint: 'fp-2' })
        .then(conflict('id-reused'));
    });

    it('a server-made secret: asking again without a secret is the same registration; with one it is not', () => {
      const generated = { ...register, secretGenerated: true, secretFingerprint: 'fp-made-1' };
      const registeredGenerated: WebhookEvent = {
        type: 'WebhookRegistered',
        data: { ...registered.data, secretGenerated: true, secretFingerprint: 'fp-made-1' },
      };
      webhooks
        .given([registeredGenerated])
        .when({ ...generated, secretFingerprint: 'fp-made-2' })
        .then([]);
      webhooks
        .given([registeredGenerated])
        .when({ ...register, secretFingerprint: 'fp-made-1' })
        .then(conflict('id-reused'));
      webhooks
        .given([registered])
        .when({ ...generated, secretFingerprint: 'fp-1' })
        .then(conflict('id-reused'));
    });

    it('a removed webhook is not registered again, not even with the same body', () => {
      webhooks.given([registered, removed]).when(register).then(conflict('webhook-removed'));
    });
  });

  describe('pause, resume, remove', () => {
    it('pauses an active webhook; pausing it again decides nothing', () => {
      const pause = { type: 'PauseWebhook', webhookId: 'crm', reason: '10 failed attempts in a row; last: HTTP 503', consecutiveFailures: 10 } as const;
      webhooks.given([registered]).when(pause).then([paused]);
      webhooks.given([registered, paused]).when(pause).then([]);
      webhooks.given([registered, removed]).when(pause).then([]);
      webhooks.given([]).when(pause).then(notFound('webhook', 'crm'));
    });

    it('resumes a paused webhook; an active one decides nothing; a removed one is a conflict', () => {
      const resume = { type: 'ResumeWebhook', webhookId: 'crm' } as const;
      webhooks.given([registered, paused]).when(resume).then([resumed]);
      webhooks.given([registered, paused, resumed]).when(resume).then([]);
      webhooks.given([registered]).when(resume).then([]);
      webhooks.given([registered, removed]).when(resume).then(conflict('webhook-removed'));
      webhooks.given([]).when(resume).then(notFound('webhook', 'crm'));
    });

    it('removes a webhook, active or paused, once', () => {
      const remove = { type: 'RemoveWebhook', webhookId: 'crm', reason: 'CRM retired' } as const;
      webhooks.given([registered]).when(remove).then([removed]);
      webhooks.given([registered, paused]).when(remove).then([removed]);
      webhooks.given([registered, removed]).when(remove).then([]);
      webhooks.given([]).when(remove).then(notFound('webhook', 'crm'));
    });

    it('the state follows: paused with its reason, active again after a resume, removed for good', () => {
      expect(webhooks.given([registered, paused]).state()).toEqual({ status: 'paused', webhook: registered.data, pause: paused.data });
      expect(webhooks.given([registered, paused, resumed]).state()).toEqual({ status: 'active', webhook: registered.data, pause: null });
      expect(webhooks.given([registered, paused, removed]).state()).toMatchObject({ status: 'removed' });
    });
  });

  describe('which events a webhook wants', () => {
    it('its types, or every type for *', () => {
      expect(webhookWants(webhookEventTypes(['ItemPosted']), 'ItemPosted')).toBe(true);
      expect(webhookWants(webhookEventTypes(['ItemPosted']), 'ItemUnposted')).toBe(false);
      expect(webhookWants(webhookEventTypes(['*']), 'ItemUnposted')).toBe(true);
    });
  });
});
