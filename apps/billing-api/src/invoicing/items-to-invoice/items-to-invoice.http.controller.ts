import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemsToInvoice } from '@billing/projections';
import { GetItemsToInvoiceQuery } from './get-items-to-invoice.query';
import { ItemsToInvoiceRequest } from './items-to-invoice.request.dto';

@ApiTags('invoicing')
@ApiBearerAuth()
@Controller('api/items-to-invoice')
export class ItemsToInvoiceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The posted, uninvoiced items dated up to `through`, grouped as an invoice run would invoice them: by bill-to account and purchase-order number, with counts and totals',
  })
  get(@Query() query: ItemsToInvoiceRequest): Promise<ItemsToInvoice> {
    const through = query.through ?? new Date().toISOString().slice(0, 10);
    return this.queries.execute(new GetItemsToInvoiceQuery(through, query.accountId));
  }
}
