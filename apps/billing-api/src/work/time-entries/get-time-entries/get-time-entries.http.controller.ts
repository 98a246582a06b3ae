import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../auth/caller';
import { assertOwnWork, CurrentCaller, ownWorkOf } from '../../../auth/own-work';
import { ApiPageResponse, pageBounds, type PageAnswer } from '../../../http/paging';
import type { TimeEntryView } from './get-time-entries.handler';
import { GetTimeEntryQuery, ListTimeEntriesQuery } from './get-time-entries.query';
import { ListTimeEntriesRequest } from './list-time-entries.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/time-entries')
export class GetTimeEntriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Time entries, by account, resource, dates worked and status; a page at a time, by date worked, then id' })
  @ApiPageResponse('A page of time entries (each as GET /api/time-entries/{id} answers it)')
  list(@Query() query: ListTimeEntriesRequest, @CurrentCaller() caller: Caller | undefined): Promise<PageAnswer<TimeEntryView>> {
    const { accountId, from, to, status } = query;
    // A technician lists its own entries only: asking for another person's is refused, not emptied.
    if (query.resourceId !== undefined) assertOwnWork(caller, query.resourceId, 'list of time entries');
    const resourceId = query.resourceId ?? ownWorkOf(caller) ?? undefined;
    return this.queries.execute(new ListTimeEntriesQuery({ accountId, resourceId, from, to, statuses: status ? [status] : undefined }, pageBounds(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One time entry with its routing and status' })
  async get(@Param('id') id: string, @CurrentCaller() caller: Caller | undefined): Promise<TimeEntryView> {
    const entry: TimeEntryView = await this.queries.execute(new GetTimeEntryQuery(id));
    assertOwnWork(caller, entry.resourceId, 'time entry');
    return entry;
  }
}
