import catalogue from './event-schemas.json';

/** A JSON Schema (draft-07) document. */
export type JsonSchema = Record<string, unknown>;

/** A schema version before the current one, and how an event written with it is read. */
export interface EarlierSchemaVersion {
  schemaVersion: number;
  /** The version its upcaster raises it to. */
  upcastTo: number;
  /** What that next version changed, and how an event of this version is read. */
  change: string;
  /** Its data's schema; null where the change is not a matter of added fields (not described). */
  schema: JsonSchema | null;
}

/** One event type of the published contract. */
export interface EventTypeSchema {
  type: string;
  /** The current version: events are published (upcast) at it, and written with it. */
  schemaVersion: number;
  /** The JSON Schema of its `data` at the current version. */
  schema: JsonSchema;
  /** Oldest first; empty for a type that never changed. */
  earlierVersions: EarlierSchemaVersion[];
}

export interface EventSchemaCatalogue {
  /** The JSON Schema of every event's metadata. */
  metadata: JsonSchema;
  /** By type name. */
  types: EventTypeSchema[];
}

/**
 * The published event contract, generated from the event types by `npm run events:schemas`
 * (libs/billing-domain/tools/event-schemas) and committed; a test fails when it and the code disagree.
 */
export const EVENT_SCHEMA_CATALOGUE: EventSchemaCatalogue = catalogue as unknown as EventSchemaCatalogue;
