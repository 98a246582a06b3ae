import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_SCHEMA_CATALOGUE, type EventSchemaCatalogue } from '@billing/domain';
import { GetEventSchemasQuery } from './get-event-schemas.query';

/** The schemas are generated from the event types at development time and committed (docs/events.md). */
@QueryHandler(GetEventSchemasQuery)
export class GetEventSchemasHandler implements IQueryHandler<GetEventSchemasQuery, EventSchemaCatalogue> {
  execute(): Promise<EventSchemaCatalogue> {
    return Promise.resolve(EVENT_SCHEMA_CATALOGUE);
  }
}
