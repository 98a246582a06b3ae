import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STREAM_PAGE_SCHEMA, type StreamPage } from '../feed-answers';
import { parsePosition } from '../feed-position';
import { DEFAULT_EVENT_PAGE } from '../feed-filter.request.dto';
import { ReadStreamQuery } from './read-stream.query';
import { ReadStreamRequest } from './read-stream.request.dto';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/streams')
export class ReadStreamHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId')
  @ApiOperation({
    summary: "One stream's events in order (`ledger-acme`, `contract-c1`), a page at a time from `fromRevision`; 404 for a stream without events",
  })
  @ApiOkResponse({ description: "A page of the stream's events", schema: STREAM_PAGE_SCHEMA })
  read(@Param('streamId') streamId: string, @Query() query: ReadStreamRequest): Promise<StreamPage> {
    const fromRevision = query.fromRevision === undefined ? 0n : parsePosition(query.fromRevision)!;
    return this.queries.execute(new ReadStreamQuery(streamId, fromRevision, query.limit ?? DEFAULT_EVENT_PAGE));
  }
}
