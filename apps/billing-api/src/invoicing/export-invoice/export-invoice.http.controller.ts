import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendFile, type FileAnswer } from '../../http/file-answer';
import { ExportInvoiceQuery } from './export-invoice.query';
import { ExportInvoiceRequest } from './export-invoice.request.dto';

@ApiTags('invoicing')
@ApiBearerAuth()
@Controller('api/invoices')
export class ExportInvoiceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/export')
  @ApiOperation({
    summary:
      'One issued or void invoice as a file: `json` (the invoice, its bill-to name and contract names), `csv` (its lines, with the columns of the accounting export) or `html` (the invoice as the customer reads it, printable; VOID marked). `pdf` is not available yet: 400',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ description: 'The file (Content-Disposition names it after the invoice number)' })
  async export(@Param('id') id: string, @Query() query: ExportInvoiceRequest, @Res() response: Response): Promise<void> {
    const file = await this.queries.execute<ExportInvoiceQuery, FileAnswer>(new ExportInvoiceQuery(id, query.format ?? 'json'));
    await sendFile(response, file);
  }
}
