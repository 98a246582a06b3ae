import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findWebhook, listWebhooks, type WebhookView } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { DeliveryLog } from '../delivery/delivery-log';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { GetWebhookQuery, ListWebhooksQuery } from './get-webhooks.query';

/** A webhook's delivery progress, as this instance's delivery log has it. */
export interface WebhookDeliveryProgress {
  /** This instance delivers webhooks (`LEDGER_WEBHOOKS_DISPATCH`); on another, the figures below are that one's. */
  dispatchedHere: boolean;
  /** A worker is delivering to it now. */
  delivering: boolean;
  /** Every matching event up to this global position has been acknowledged; null before the first look. */
  deliveredThrough: string | null;
  consecutiveFailures: number;
  /** Deliveries made and not yet acknowledged (pending, retrying or held by a pause); later events wait in the store. */
  undelivered: number;
  /** When the oldest of them is tried next (null: none, or held by a pause). */
  nextAttemptAt: string | null;
  /** Why this instance cannot deliver to it, when it cannot. */
  problem: string | null;
}

export type WebhookAnswer = WebhookView & { delivery: WebhookDeliveryProgress };

abstract class WebhookAnswers {
  constructor(
    private readonly log: DeliveryLog,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  protected answer(webhook: WebhookView): WebhookAnswer {
    const { checkpoint, undelivered, nextAttemptAt } = this.log.summary(webhook.id);
    const { delivering, problem } = this.dispatcher.deliveryState(webhook.id);
    return {
      ...webhook,
      delivery: {
        dispatchedHere: this.dispatcher.dispatching,
        delivering,
        deliveredThrough: checkpoint ? checkpoint.position.toString() : null,
        consecutiveFailures: checkpoint?.consecutiveFailures ?? 0,
        undelivered,
        nextAttemptAt: webhook.status === 'active' ? nextAttemptAt : null,
        problem,
      },
    };
  }
}

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler extends WebhookAnswers implements IQueryHandler<ListWebhooksQuery, WebhookAnswer[]> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    log: DeliveryLog,
    dispatcher: WebhookDispatcher,
  ) {
    super(log, dispatcher);
  }

  async execute(): Promise<WebhookAnswer[]> {
    return listWebhooks(this.db).map((webhook) => this.answer(webhook));
  }
}

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler extends WebhookAnswers implements IQueryHandler<GetWebhookQuery, WebhookAnswer> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    log: DeliveryLog,
    dispatcher: WebhookDispatcher,
  ) {
    super(log, dispatcher);
  }

  async execute({ webhookId }: GetWebhookQuery): Promise<WebhookAnswer> {
    const webhook = findWebhook(this.db, webhookId);
    if (!webhook) throw new NotFound('webhook', webhookId);
    return this.answer(webhook);
  }
}
