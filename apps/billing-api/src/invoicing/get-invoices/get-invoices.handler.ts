import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findInvoice, listInvoices, type InvoiceSummary, type InvoiceView } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../http/paging';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetInvoiceQuery, ListInvoicesQuery } from './get-invoices.query';

@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler implements IQueryHandler<GetInvoiceQuery, InvoiceView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ invoiceId }: GetInvoiceQuery): Promise<InvoiceView> {
    const invoice = findInvoice(this.db, invoiceId);
    if (!invoice) throw new NotFound('invoice', invoiceId);
    return invoice;
  }
}

@QueryHandler(ListInvoicesQuery)
export class ListInvoicesHandler implements IQueryHandler<ListInvoicesQuery, PageAnswer<InvoiceSummary>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter, page }: ListInvoicesQuery): Promise<PageAnswer<InvoiceSummary>> {
    const { rows, total } = listInvoices(this.db, filter, page);
    return pageAnswer(rows, total, page);
  }
}
