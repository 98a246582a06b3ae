import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.decorator';
import { TimesheetParams } from '../timesheet.params';
import type { TimesheetView } from './get-timesheet.handler';
import { GetTimesheetQuery } from './get-timesheet.query';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/timesheets/:resourceId/:weekStart')
export class GetTimesheetHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'A resource’s timesheet for the week starting on that Monday' })
  get(@Param() { resourceId, weekStart }: TimesheetParams): Promise<TimesheetView> {
    return this.queries.execute(new GetTimesheetQuery({ resourceId, weekStart }));
  }
}
