import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TaxRegionView } from '@billing/projections';
import { READERS, Roles } from '../../../auth/roles.decorator';
import { GetTaxRegionQuery, ListTaxRegionsQuery } from './get-tax-region.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/tax-regions')
export class GetTaxRegionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List tax regions' })
  list(): Promise<TaxRegionView[]> {
    return this.queries.execute(new ListTaxRegionsQuery());
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One tax region with its rates' })
  get(@Param('id') id: string): Promise<TaxRegionView> {
    return this.queries.execute(new GetTaxRegionQuery(id));
  }
}
