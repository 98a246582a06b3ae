import type { WebhookEvent } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { webhooksProjection } from './webhooks.projection';
import { findWebhook, listWebhooks, webhookRevisions } from './webhooks.query';

const on = (event: WebhookEvent, occurredAt: string) => ({ event, streamId: `webhook-${event.data.webhookId}`, occurredAt });
const registered = (webhookId: string, url: string, types: string[], occurredAt: string) =>
  on(
    {
      type: 'WebhookRegistered',
      data: { webhookId, url, types, sealedSecret: `v1.sealed-${webhookId}`, secretFingerprint: `fp-${webhookId}`, secretGenerated: webhookId === 'crm' },
    },
    occurredAt,
  );

const crm = registered('crm', 'https://crm.example.com/ledger', ['InvoiceGenerated', 'ItemPosted'], '2026-11-02T08:00:00.000Z');
const gl = registered('gl', 'https://gl.example.com/hook', ['*'], '2026-11-03T08:00:00.000Z');
const crmPaused = on(
  { type: 'WebhookPaused', data: { webhookId: 'crm', reason: '10 failed attempts in a row; last: HTTP 503', consecutiveFailures: 10 } },
  '2026-11-04T08:00:00.000Z',
);
const crmResumed = on({ type: 'WebhookResumed', data: { webhookId: 'crm' } }, '2026-11-05T08:00:00.000Z');
const glRemoved = on({ type: 'WebhookRemoved', data: { webhookId: 'gl', reason: 'ledger export retired' } }, '2026-11-06T08:00:00.000Z');

const untouched = { pausedAt: null, pauseReason: null, resumedAt: null, removedAt: null, removedReason: null };

describe('webhooks read model', () => {
  it('answers a webhook with its URL, types, status and when it was registered; never its secret', async () => {
    // given two registrations (positions 1 and 2 of the store)
    const spec = projectionSpec(webhooksProjection).given([crm, gl]);
    // then: toEqual, so a secret or fingerprint in the answer fails
    await spec.then((db) => findWebhook(db, 'crm'), {
      id: 'crm',
      url: 'https://crm.example.com/ledger',
      types: ['InvoiceGenerated', 'ItemPosted'],
      status: 'active',
      secretGenerated: true,
      registeredAt: '2026-11-02T08:00:00.000Z',
      registeredPosition: '1',
      ...untouched,
    });
    await spec.then((db) => findWebhook(db, 'nope'), undefined);
  });

  it('follows a pause, a resume and a removal; removed webhooks are listed last', async () => {
    // given
    const spec = projectionSpec(webhooksProjection).given([crm, gl, crmPaused, glRemoved]);
    // then
    await spec.then(
      (db) => listWebhooks(db).map((w) => [w.id, w.status, w.pauseReason, w.removedReason]),
      [
        ['crm', 'paused', '10 failed attempts in a row; last: HTTP 503', null],
        ['gl', 'removed', null, 'ledger export retired'],
      ],
    );
    await spec.then((db) => findWebhook(db, 'crm')?.pausedAt, '2026-11-04T08:00:00.000Z');
  });

  it('gives the dispatcher each webhook’s status and the revision of its stream it has applied', async () => {
    // given: crm registered (revision 0), paused (1), resumed (2); gl registered (0)
    const spec = projectionSpec(webhooksProjection).given([crm, gl, crmPaused, crmResumed]);
    // then
    await spec.then(webhookRevisions, [
      { id: 'crm', status: 'active', revision: 2n },
      { id: 'gl', status: 'active', revision: 0n },
    ]);
    await spec.then((db) => findWebhook(db, 'crm')?.resumedAt, '2026-11-05T08:00:00.000Z');
  });
});
