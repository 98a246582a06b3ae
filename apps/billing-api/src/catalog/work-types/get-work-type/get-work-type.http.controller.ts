import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkTypeView } from '@billing/projections';
import { READERS, Roles } from '../../../auth/roles.decorator';
import { GetWorkTypeQuery, ListWorkTypesQuery } from './get-work-type.query';

/** Technicians read work types too: they pick one when they log time. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/work-types')
export class GetWorkTypeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS, 'technician')
  @ApiOperation({ summary: 'List work types' })
  list(): Promise<WorkTypeView[]> {
    return this.queries.execute(new ListWorkTypesQuery());
  }

  @Get(':id')
  @Roles(...READERS, 'technician')
  @ApiOperation({ summary: 'One work type' })
  get(@Param('id') id: string): Promise<WorkTypeView> {
    return this.queries.execute(new GetWorkTypeQuery(id));
  }
}
