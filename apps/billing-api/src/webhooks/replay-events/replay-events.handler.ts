import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { Conflict, NotFound, RuleViolation, webhookWants } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { findWebhook } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { DeliveryLog, type NewDelivery } from '../delivery/delivery-log';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { ReplayEventsCommand, type ReplayEventsResult } from './replay-events.command';

/** Deliveries one replay may queue; a longer history is replayed in several ranges. */
export const MAX_REPLAYED_EVENTS = 10_000;

/**
 * Queues a replay delivery for every event of the webhook's types in (from, through], in the
 * store's order, behind its deliveries not yet acknowledged. Only what was delivered already (up to
 * the checkpoint) is replayed: what comes after is on its way. The checkpoint does not move.
 */
@CommandHandler(ReplayEventsCommand)
export class ReplayEventsHandler implements ICommandHandler<ReplayEventsCommand, ReplayEventsResult> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: DeliveryLog,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async execute({ webhookId, fromPosition, throughPosition }: ReplayEventsCommand): Promise<ReplayEventsResult> {
    const webhook = findWebhook(this.db, webhookId);
    if (!webhook) throw new NotFound('webhook', webhookId);
    if (webhook.status === 'removed') throw new Conflict('webhook-removed', `webhook ${webhookId} was removed`);
    if (!this.dispatcher.dispatching)
      throw new Conflict('dispatch-off', 'this instance does not deliver webhooks (LEDGER_WEBHOOKS_DISPATCH=false): ask the instance that does');
    const checkpoint = this.log.checkpoint(webhookId)?.position ?? BigInt(webhook.registeredPosition);
    const through = throughPosition === undefined || throughPosition > checkpoint ? checkpoint : throughPosition;
    const replays: NewDelivery[] = [];
    if (fromPosition < through) {
      for await (const recorded of this.store.readAll({ fromPosition })) {
        if (recorded.position > through) break;
        if (!webhookWants(webhook.types, recorded.type)) continue;
        if (replays.length === MAX_REPLAYED_EVENTS)
          throw new RuleViolation(
            'replay-too-long',
            `more than ${MAX_REPLAYED_EVENTS} events to replay after position ${fromPosition}: replay at most ${MAX_REPLAYED_EVENTS} at a time (throughPosition ${replays.at(-1)!.position})`,
          );
        const { id: eventId, type: eventType, streamId, revision, position } = recorded;
        replays.push({ webhookId, eventId, eventType, streamId, revision, position, kind: 'replay', replayOf: null });
      }
    }
    this.log.addAll(replays, new Date());
    this.dispatcher.wake(webhookId);
    return { webhookId, fromPosition: fromPosition.toString(), throughPosition: through.toString(), queued: replays.length };
  }
}
