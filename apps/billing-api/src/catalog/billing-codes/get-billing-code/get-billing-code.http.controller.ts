import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingCodeView } from '@billing/projections';
import { GetBillingCodeQuery, ListBillingCodesQuery } from './get-billing-code.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/billing-codes')
export class GetBillingCodeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List billing codes' })
  list(): Promise<BillingCodeView[]> {
    return this.queries.execute(new ListBillingCodesQuery());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One billing code' })
  get(@Param('id') id: string): Promise<BillingCodeView> {
    return this.queries.execute(new GetBillingCodeQuery(id));
  }
}
