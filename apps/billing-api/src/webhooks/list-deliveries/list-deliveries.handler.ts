import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findWebhook } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../http/paging';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { DeliveryLog, type DeliveryView } from '../delivery/delivery-log';
import { ListDeliveriesQuery } from './list-deliveries.query';

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery, PageAnswer<DeliveryView>> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly log: DeliveryLog,
  ) {}

  async execute({ webhookId, status, page }: ListDeliveriesQuery): Promise<PageAnswer<DeliveryView>> {
    if (!findWebhook(this.db, webhookId)) throw new NotFound('webhook', webhookId);
    const { rows, total } = this.log.page(webhookId, status, page);
    return pageAnswer(rows, total, page);
  }
}
