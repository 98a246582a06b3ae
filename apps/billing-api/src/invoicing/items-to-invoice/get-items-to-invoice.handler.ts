import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { queryItemsToInvoice, type ItemsToInvoice } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetItemsToInvoiceQuery } from './get-items-to-invoice.query';

@QueryHandler(GetItemsToInvoiceQuery)
export class GetItemsToInvoiceHandler implements IQueryHandler<GetItemsToInvoiceQuery, ItemsToInvoice> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ through, billToAccountId }: GetItemsToInvoiceQuery): Promise<ItemsToInvoice> {
    return queryItemsToInvoice(this.db, { through, billToAccountId });
  }
}
