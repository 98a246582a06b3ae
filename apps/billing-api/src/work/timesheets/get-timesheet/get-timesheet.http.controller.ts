import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../auth/caller';
import { assertOwnWork, CurrentCaller } from '../../../auth/own-work';
import { TimesheetParams } from '../timesheet.params';
import type { TimesheetView } from './get-timesheet.handler';
import { GetTimesheetQuery } from './get-timesheet.query';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/timesheets/:resourceId/:weekStart')
export class GetTimesheetHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'A resource’s timesheet for the week starting on that Monday' })
  get(@Param() { resourceId, weekStart }: TimesheetParams, @CurrentCaller() caller: Caller | undefined): Promise<TimesheetView> {
    assertOwnWork(caller, resourceId, 'timesheet');
    return this.queries.execute(new GetTimesheetQuery({ resourceId, weekStart }));
  }
}
