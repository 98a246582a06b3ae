import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendFile, type FileAnswer } from '../../http/file-answer';
import { ExportAccountingQuery } from './export-accounting.query';
import { ExportAccountingRequest } from './export-accounting.request.dto';

@ApiTags('invoicing')
@ApiBearerAuth()
@Controller('api/exports')
export class ExportAccountingHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('accounting')
  @ApiOperation({
    summary:
      'The accounting export (billing-rules §10): one CSV record per line of every issued and void invoice dated from `from` to `to`, by invoice date and number, ' +
      'with the columns QuickBooks Online and Xero import (README, "Exports"). Streamed as it is read; a void invoice is there with quantity, amount and tax 0',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV, UTF-8, a header record first' })
  async export(@Query() query: ExportAccountingRequest, @Res() response: Response): Promise<void> {
    const file = await this.queries.execute<ExportAccountingQuery, FileAnswer>(new ExportAccountingQuery(query.from, query.to));
    await sendFile(response, file);
  }
}
