import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RoleView } from '@billing/projections';
import type { Caller } from '../../../auth/caller';
import { CurrentCaller, pickableEntry, seesBilling } from '../../../auth/own-work';
import { GetRoleQuery, ListRolesQuery } from './get-role.query';

type RoleViewForCaller = RoleView | ReturnType<typeof pickableEntry>;

/** Technicians read roles too, to pick one when they log time, but only the id and name. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/roles')
export class GetRoleHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List roles (a technician: id and name only)' })
  async list(@CurrentCaller() caller: Caller | undefined): Promise<RoleViewForCaller[]> {
    const all: RoleView[] = await this.queries.execute(new ListRolesQuery());
    return seesBilling(caller) ? all : all.map(pickableEntry);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One role (a technician: id and name only)' })
  async get(@Param('id') id: string, @CurrentCaller() caller: Caller | undefined): Promise<RoleViewForCaller> {
    const one: RoleView = await this.queries.execute(new GetRoleQuery(id));
    return seesBilling(caller) ? one : pickableEntry(one);
  }
}
