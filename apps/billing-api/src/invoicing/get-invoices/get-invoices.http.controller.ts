import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvoiceSummary, InvoiceView } from '@billing/projections';
import { ApiPageResponse, pageBounds, type PageAnswer } from '../../http/paging';
import { GetInvoiceQuery, ListInvoicesQuery } from './get-invoices.query';
import { ListInvoicesRequest } from './list-invoices.request.dto';

@ApiTags('invoicing')
@ApiBearerAuth()
@Controller('api/invoices')
export class GetInvoicesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Issued and void invoices, a page at a time, by number; each without its lines (`lineCount`)' })
  @ApiPageResponse('A page of invoices (GET /api/invoices/{id} answers one with its lines)')
  list(@Query() query: ListInvoicesRequest): Promise<PageAnswer<InvoiceSummary>> {
    const { accountId, status, from, to, number } = query;
    return this.queries.execute(new ListInvoicesQuery({ accountId, status, from, to, number }, pageBounds(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One invoice with its lines, a subtotal per contract, and its totals' })
  get(@Param('id') id: string): Promise<InvoiceView> {
    return this.queries.execute(new GetInvoiceQuery(id));
  }
}
