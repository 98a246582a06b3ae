import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { invoiceExportRows } from '@billing/projections';
import type { FileAnswer } from '../../http/file-answer';
import { ReadModelReaders } from '../../infrastructure/read-model-readers';
import { accountingCsv } from '../accounting-csv';
import { ExportAccountingQuery } from './export-accounting.query';

/** The rows come from SQLite one at a time on a connection of their own, and become CSV as they are written. */
@QueryHandler(ExportAccountingQuery)
export class ExportAccountingHandler implements IQueryHandler<ExportAccountingQuery, FileAnswer> {
  constructor(private readonly readers: ReadModelReaders) {}

  async execute({ from, to }: ExportAccountingQuery): Promise<FileAnswer> {
    const source = this.readers.rows((db) => invoiceExportRows(db, { from, to }));
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `accounting-${from}-${to}.csv`,
      disposition: 'attachment',
      body: accountingCsv(source.rows),
      close: source.close,
    };
  }
}
