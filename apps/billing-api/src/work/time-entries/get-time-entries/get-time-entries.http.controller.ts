import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.decorator';
import type { TimeEntryView } from './get-time-entries.handler';
import { GetTimeEntryQuery, ListTimeEntriesQuery } from './get-time-entries.query';
import { ListTimeEntriesRequest } from './list-time-entries.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/time-entries')
export class GetTimeEntriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'Time entries, by account, resource, dates worked and status' })
  list(@Query() query: ListTimeEntriesRequest): Promise<TimeEntryView[]> {
    const { accountId, resourceId, from, to, status } = query;
    return this.queries.execute(new ListTimeEntriesQuery({ accountId, resourceId, from, to, statuses: status ? [status] : undefined }));
  }

  @Get(':id')
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'One time entry with its routing and status' })
  get(@Param('id') id: string): Promise<TimeEntryView> {
    return this.queries.execute(new GetTimeEntryQuery(id));
  }
}
