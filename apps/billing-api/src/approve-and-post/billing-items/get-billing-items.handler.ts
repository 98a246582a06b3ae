import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findBillingItem, listBillingItems, type BillingItemView } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../http/paging';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetBillingItemQuery, ListBillingItemsQuery } from './get-billing-items.query';

@QueryHandler(GetBillingItemQuery)
export class GetBillingItemHandler implements IQueryHandler<GetBillingItemQuery, BillingItemView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ billingItemId }: GetBillingItemQuery): Promise<BillingItemView> {
    const item = findBillingItem(this.db, billingItemId);
    if (!item) throw new NotFound('billing item', billingItemId);
    return item;
  }
}

@QueryHandler(ListBillingItemsQuery)
export class ListBillingItemsHandler implements IQueryHandler<ListBillingItemsQuery, PageAnswer<BillingItemView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter, page }: ListBillingItemsQuery): Promise<PageAnswer<BillingItemView>> {
    const { rows, total } = listBillingItems(this.db, filter, page);
    return pageAnswer(rows, total, page);
  }
}
