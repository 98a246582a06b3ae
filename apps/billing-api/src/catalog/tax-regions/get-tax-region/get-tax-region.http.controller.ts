import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TaxRegionView } from '@billing/projections';
import { GetTaxRegionQuery, ListTaxRegionsQuery } from './get-tax-region.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/tax-regions')
export class GetTaxRegionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List tax regions' })
  list(): Promise<TaxRegionView[]> {
    return this.queries.execute(new ListTaxRegionsQuery());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One tax region with its rates' })
  get(@Param('id') id: string): Promise<TaxRegionView> {
    return this.queries.execute(new GetTaxRegionQuery(id));
  }
}
