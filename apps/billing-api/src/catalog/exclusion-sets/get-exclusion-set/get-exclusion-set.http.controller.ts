import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ExclusionSetView } from '@billing/projections';
import { GetExclusionSetQuery, ListExclusionSetsQuery } from './get-exclusion-set.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/exclusion-sets')
export class GetExclusionSetHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List exclusion sets' })
  list(): Promise<ExclusionSetView[]> {
    return this.queries.execute(new ListExclusionSetsQuery());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One exclusion set, as it is now' })
  get(@Param('id') id: string): Promise<ExclusionSetView> {
    return this.queries.execute(new GetExclusionSetQuery(id));
  }
}
