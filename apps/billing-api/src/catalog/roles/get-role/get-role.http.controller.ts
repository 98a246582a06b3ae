import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RoleView } from '@billing/projections';
import { READERS, Roles } from '../../../auth/roles.decorator';
import { GetRoleQuery, ListRolesQuery } from './get-role.query';

/** Technicians read roles too: they pick one when they log time. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/roles')
export class GetRoleHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS, 'technician')
  @ApiOperation({ summary: 'List roles' })
  list(): Promise<RoleView[]> {
    return this.queries.execute(new ListRolesQuery());
  }

  @Get(':id')
  @Roles(...READERS, 'technician')
  @ApiOperation({ summary: 'One role' })
  get(@Param('id') id: string): Promise<RoleView> {
    return this.queries.execute(new GetRoleQuery(id));
  }
}
