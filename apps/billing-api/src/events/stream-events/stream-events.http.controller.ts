import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { hashApiKey } from '../../auth/api-key-hash';
import { ApiKeyStanding } from '../../auth/api-key-standing';
import { bearerToken } from '../../auth/bearer-token';
import type { AuthenticatedRequest } from '../../auth/caller';
import { RequestValidationError } from '../../http/validation';
import { POSITION_MESSAGE, resumePosition } from '../feed-position';
import { EventStreams } from './event-streams';
import type { EventSubscription } from './stream-events.handler';
import { StreamEventsQuery } from './stream-events.query';
import { StreamEventsRequest } from './stream-events.request.dto';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class StreamEventsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly streams: EventStreams,
    private readonly standing: ApiKeyStanding,
  ) {}

  @Get('stream')
  @ApiOperation({
    summary:
      'The event log as Server-Sent Events (docs/event-feed.md): the backlog after the start position, then each event as it is appended. ' +
      'Each message: `id` the global position, `event` the type, `data` the published event as JSON; `: heartbeat` comments in between. ' +
      'Resumes after `Last-Event-ID` (or `lastEventId`); a client that stops reading is cut off once its unsent events pass a bound, and resumes',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this global position (an EventSource sends it when it reconnects)' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream, open until the client goes away, is cut off, or the service stops' })
  async stream(@Query() query: StreamEventsRequest, @Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const start = resumePosition({ lastEventIdHeader: request.header('last-event-id'), lastEventId: query.lastEventId, fromPosition: query.fromPosition });
    if ('field' in start) throw new RequestValidationError([{ field: start.field, message: `${start.field} ${POSITION_MESSAGE}` }]);
    const events = await this.queries.execute<StreamEventsQuery, EventSubscription>(new StreamEventsQuery(start.position, query.feedFilter()));
    const { apiKeyId } = request.caller!;
    const keyHash = hashApiKey(bearerToken(request.header('authorization'))!);
    await this.streams.serve(response, events, () => this.standing.stillCurrent(apiKeyId, keyHash));
  }
}
