import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventSchemaCatalogue } from '@billing/domain';
import { GetEventSchemasQuery } from './get-event-schemas.query';

const JSON_SCHEMA = { type: 'object', description: 'A JSON Schema (draft-07)' };

const EVENT_SCHEMAS_ANSWER = {
  type: 'object',
  required: ['metadata', 'types'],
  properties: {
    metadata: { ...JSON_SCHEMA, description: "The JSON Schema of every event's metadata (actor, actorRole, correlationId, causationId, occurredAt, reason)" },
    types: {
      type: 'array',
      description: 'Every event type, by name',
      items: {
        type: 'object',
        required: ['type', 'schemaVersion', 'schema', 'earlierVersions'],
        properties: {
          type: { type: 'string', example: 'ItemPosted' },
          schemaVersion: {
            type: 'integer',
            description: 'The current version: the feed, webhooks and audit answers publish every event of the type at it',
            example: 2,
          },
          schema: { ...JSON_SCHEMA, description: "The JSON Schema of the event's `data` at the current version" },
          earlierVersions: {
            type: 'array',
            description: 'Oldest first: versions events were once written with, which are upcast when read',
            items: {
              type: 'object',
              required: ['schemaVersion', 'upcastTo', 'change', 'schema'],
              properties: {
                schemaVersion: { type: 'integer', example: 1 },
                upcastTo: { type: 'integer', example: 2 },
                change: { type: 'string', description: 'What the next version changed, and how an event of this version is read' },
                schema: { ...JSON_SCHEMA, nullable: true, description: 'The data schema of this version; null where it is not described' },
              },
            },
          },
        },
      },
    },
  },
};

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class GetEventSchemasHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('schemas')
  @ApiOperation({
    summary:
      'The published event contract (docs/events.md): a JSON Schema of every event type’s data at its current schema version, ' +
      'the schemas of its earlier versions and what changed, and the schema of the metadata every event carries',
  })
  @ApiOkResponse({ description: 'The event schemas', schema: EVENT_SCHEMAS_ANSWER })
  schemas(): Promise<EventSchemaCatalogue> {
    return this.queries.execute(new GetEventSchemasQuery());
  }
}
