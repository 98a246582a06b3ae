import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_PAGE_SCHEMA, type EventPage } from '../feed-answers';
import { parsePosition } from '../feed-position';
import { ReadEventsQuery } from './read-events.query';
import { DEFAULT_EVENT_PAGE } from '../feed-filter.request.dto';
import { ReadEventsRequest } from './read-events.request.dto';
import { SCAN_WINDOW } from './read-events.handler';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class ReadEventsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The event log in global order, a page at a time (docs/event-feed.md): the events after `fromPosition` that the filters select, ' +
      "`nextPosition` to ask from next and the store's `headPosition`. A filtered page looks at " +
      `${SCAN_WINDOW.toLocaleString('en')} events at most, so it may be short, or empty with nextPosition moved on`,
  })
  @ApiOkResponse({ description: 'A page of the event log', schema: EVENT_PAGE_SCHEMA })
  read(@Query() query: ReadEventsRequest): Promise<EventPage> {
    const fromPosition = query.fromPosition === undefined ? 0n : parsePosition(query.fromPosition)!;
    return this.queries.execute(new ReadEventsQuery(fromPosition, query.limit ?? DEFAULT_EVENT_PAGE, query.feedFilter()));
  }
}
