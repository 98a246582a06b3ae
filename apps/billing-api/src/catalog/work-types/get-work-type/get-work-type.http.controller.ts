import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkTypeView } from '@billing/projections';
import type { Caller } from '../../../auth/caller';
import { CurrentCaller, pickableEntry, seesBilling } from '../../../auth/own-work';
import { GetWorkTypeQuery, ListWorkTypesQuery } from './get-work-type.query';

type WorkTypeViewForCaller = WorkTypeView | ReturnType<typeof pickableEntry>;

/** Technicians read work types too, to pick one when they log time, but only the id and name. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/work-types')
export class GetWorkTypeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List work types (a technician: id and name only)' })
  async list(@CurrentCaller() caller: Caller | undefined): Promise<WorkTypeViewForCaller[]> {
    const all: WorkTypeView[] = await this.queries.execute(new ListWorkTypesQuery());
    return seesBilling(caller) ? all : all.map(pickableEntry);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One work type (a technician: id and name only)' })
  async get(@Param('id') id: string, @CurrentCaller() caller: Caller | undefined): Promise<WorkTypeViewForCaller> {
    const one: WorkTypeView = await this.queries.execute(new GetWorkTypeQuery(id));
    return seesBilling(caller) ? one : pickableEntry(one);
  }
}
