import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findInvoiceDocument, invoiceExportRows } from '@billing/projections';
import type { FileAnswer } from '../../http/file-answer';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadModelReaders } from '../../infrastructure/read-model-readers';
import { accountingCsv } from '../accounting-csv';
import { ExportInvoiceQuery } from './export-invoice.query';
import { INVOICE_HTML_CSP, invoiceHtml } from './invoice-html';

@QueryHandler(ExportInvoiceQuery)
export class ExportInvoiceHandler implements IQueryHandler<ExportInvoiceQuery, FileAnswer> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly readers: ReadModelReaders,
  ) {}

  async execute({ invoiceId, format }: ExportInvoiceQuery): Promise<FileAnswer> {
    const document = findInvoiceDocument(this.db, invoiceId);
    if (!document) throw new NotFound('invoice', invoiceId);
    const filename = `${document.invoice.number}.${format}`;
    switch (format) {
      case 'json': {
        const { invoice, billToName, contractNames } = document;
        const body = JSON.stringify({ ...invoice, billToName, contractNames });
        return { contentType: 'application/json; charset=utf-8', filename, disposition: 'attachment', body: [body], close: () => undefined };
      }
      case 'csv': {
        const source = this.readers.rows((db) => invoiceExportRows(db, { invoiceId }));
        return { contentType: 'text/csv; charset=utf-8', filename, disposition: 'attachment', body: accountingCsv(source.rows), close: source.close };
      }
      case 'html':
        return {
          contentType: 'text/html; charset=utf-8',
          filename,
          disposition: 'inline',
          body: [invoiceHtml(document)],
          close: () => undefined,
          headers: { 'Content-Security-Policy': INVOICE_HTML_CSP },
        };
      default: {
        const unknown: never = format;
        throw new Error(`unknown export format ${String(unknown)}`);
      }
    }
  }
}
