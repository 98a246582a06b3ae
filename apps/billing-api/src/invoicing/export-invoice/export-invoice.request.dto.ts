import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const INVOICE_EXPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type InvoiceExportFormat = (typeof INVOICE_EXPORT_FORMATS)[number];

export class ExportInvoiceRequest {
  @ApiPropertyOptional({
    enum: INVOICE_EXPORT_FORMATS,
    default: 'json',
    description:
      'json: the invoice with its bill-to and contract names; csv: its lines as the accounting export writes them; html: a printable page. pdf is not available yet (400)',
  })
  @IsOptional()
  @IsIn(INVOICE_EXPORT_FORMATS, { message: 'format must be json, csv or html (pdf is not available yet)' })
  format?: InvoiceExportFormat;
}
