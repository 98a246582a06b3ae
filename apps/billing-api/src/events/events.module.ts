import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { GetEventSchemasHandler } from './event-schemas/get-event-schemas.handler';
import { GetEventSchemasHttpController } from './event-schemas/get-event-schemas.http.controller';
import { ReadEventsHandler } from './read-events/read-events.handler';
import { ReadEventsHttpController } from './read-events/read-events.http.controller';
import { ReadStreamHandler } from './read-stream/read-stream.handler';
import { ReadStreamHttpController } from './read-stream/read-stream.http.controller';
import { EventStreams } from './stream-events/event-streams';
import { StreamEventsHandler } from './stream-events/stream-events.handler';
import { StreamEventsHttpController } from './stream-events/stream-events.http.controller';

/**
 * Issue 10 (auditors and downstream services). The event feed (docs/event-feed.md): the event
 * log in pages, one stream's events, and the log as Server-Sent Events.
 */
@Module({
  imports: [EventStoreModule, AuthModule],
  // GetEventSchemasHttpController first: its fixed path /api/events/schemas is matched before any /api/events/:param.
  controllers: [GetEventSchemasHttpController, ReadEventsHttpController, StreamEventsHttpController, ReadStreamHttpController],
  providers: [GetEventSchemasHandler, ReadEventsHandler, ReadStreamHandler, StreamEventsHandler, EventStreams],
  exports: [EventStreams],
})
export class EventsModule {}
