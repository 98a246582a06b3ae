import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import type { WorkItemView } from './get-work-item.handler';
import { GetWorkItemQuery } from './get-work-item.query';

/** A recorded charge or expense, with where it stands. */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api')
export class GetWorkItemHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('charges/:id')
  @Roles('technician', 'finance', 'auditor')
  @ApiOperation({ summary: 'One charge and where it stands' })
  charge(@Param('id') id: string): Promise<WorkItemView> {
    return this.queries.execute(new GetWorkItemQuery('CHARGE', id, 'chargeId'));
  }

  @Get('expenses/:id')
  @Roles('technician', 'finance', 'auditor')
  @ApiOperation({ summary: 'One expense and where it stands' })
  expense(@Param('id') id: string): Promise<WorkItemView> {
    return this.queries.execute(new GetWorkItemQuery('EXPENSE', id, 'expenseId'));
  }
}
