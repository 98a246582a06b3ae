import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { Conflict, NotFound } from '@billing/domain';
import { findWebhook } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { DeliveryLog, type DeliveryView } from '../delivery/delivery-log';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { ReplayDeliveryCommand } from './replay-delivery.command';

/**
 * A replay is a new delivery of the same event, queued behind the webhook's deliveries not yet
 * acknowledged and sent before its next live event; it moves no checkpoint. It lives in this
 * instance's delivery log, not in the store: it is an operator's request to the dispatcher.
 */
@CommandHandler(ReplayDeliveryCommand)
export class ReplayDeliveryHandler implements ICommandHandler<ReplayDeliveryCommand, DeliveryView> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly log: DeliveryLog,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async execute({ webhookId, deliveryId }: ReplayDeliveryCommand): Promise<DeliveryView> {
    const webhook = findWebhook(this.db, webhookId);
    if (!webhook) throw new NotFound('webhook', webhookId);
    const original = this.log.find(webhookId, deliveryId);
    if (!original) throw new NotFound('delivery', deliveryId);
    if (webhook.status === 'removed') throw new Conflict('webhook-removed', `webhook ${webhookId} was removed`);
    if (!this.dispatcher.dispatching)
      throw new Conflict('dispatch-off', 'this instance does not deliver webhooks (LEDGER_WEBHOOKS_DISPATCH=false): ask the instance that does');
    const replay = this.log.add(
      {
        webhookId,
        eventId: original.eventId,
        eventType: original.eventType,
        streamId: original.streamId,
        revision: BigInt(original.revision),
        position: BigInt(original.position),
        kind: 'replay',
        replayOf: original.id,
      },
      new Date(),
    );
    this.dispatcher.wake(webhookId);
    return replay;
  }
}
