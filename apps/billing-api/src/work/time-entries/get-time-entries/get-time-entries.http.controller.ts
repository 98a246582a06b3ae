import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.decorator';
import { ListTimeEntriesRequest } from './list-time-entries.request.dto';
import { TimeEntryQueries, type TimeEntryView } from './time-entry.queries';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/time-entries')
export class GetTimeEntriesHttpController {
  constructor(private readonly queries: TimeEntryQueries) {}

  @Get()
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'Time entries, by account, resource, dates worked and status' })
  list(@Query() query: ListTimeEntriesRequest): TimeEntryView[] {
    return this.queries.list({ accountId: query.accountId, resourceId: query.resourceId, from: query.from, to: query.to, statuses: query.status ? [query.status] : undefined });
  }

  @Get(':id')
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'One time entry with its routing and status' })
  get(@Param('id') id: string): TimeEntryView {
    return this.queries.get(id);
  }
}
