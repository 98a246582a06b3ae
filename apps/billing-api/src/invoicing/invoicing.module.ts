import { Module } from '@nestjs/common';
import { ItemApprovals } from '../approve-and-post/item-approvals';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { LookupsModule } from '../infrastructure/lookups.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { ExportAccountingHandler } from './export-accounting/export-accounting.handler';
import { ExportAccountingHttpController } from './export-accounting/export-accounting.http.controller';
import { ExportInvoiceHandler } from './export-invoice/export-invoice.handler';
import { ExportInvoiceHttpController } from './export-invoice/export-invoice.http.controller';
import { GetInvoiceHandler, ListInvoicesHandler } from './get-invoices/get-invoices.handler';
import { GetInvoicesHttpController } from './get-invoices/get-invoices.http.controller';
import { GetItemsToInvoiceHandler } from './items-to-invoice/get-items-to-invoice.handler';
import { ItemsToInvoiceHttpController } from './items-to-invoice/items-to-invoice.http.controller';
import { RunInvoicesAnswerHandler } from './run-invoices/run-invoices-answer.handler';
import { RunInvoicesHandler } from './run-invoices/run-invoices.handler';
import { RunInvoicesHttpController } from './run-invoices/run-invoices.http.controller';
import { VoidInvoiceHandler } from './void-invoice/void-invoice.handler';
import { VoidInvoiceHttpController } from './void-invoice/void-invoice.http.controller';

/** Invoicing: the items to invoice, invoice runs, the invoices, voids, and exports. */
@Module({
  imports: [EventStoreModule, ReadModelsModule, LookupsModule, CommandAnswersModule],
  controllers: [
    ItemsToInvoiceHttpController,
    RunInvoicesHttpController,
    GetInvoicesHttpController,
    VoidInvoiceHttpController,
    ExportInvoiceHttpController,
    ExportAccountingHttpController,
  ],
  providers: [
    ItemApprovals,
    GetItemsToInvoiceHandler,
    RunInvoicesHandler,
    RunInvoicesAnswerHandler,
    GetInvoiceHandler,
    ListInvoicesHandler,
    VoidInvoiceHandler,
    ExportInvoiceHandler,
    ExportAccountingHandler,
  ],
})
export class InvoicingModule {}
