import type { InvoiceExportFormat } from './export-invoice.request.dto';

/** One invoice as a file: JSON, CSV or a printable HTML page. */
export class ExportInvoiceQuery {
  constructor(
    readonly invoiceId: string,
    readonly format: InvoiceExportFormat,
  ) {}
}
