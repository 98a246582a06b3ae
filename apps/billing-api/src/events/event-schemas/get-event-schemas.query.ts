/** The published event contract: a JSON Schema per event type and version, and of the metadata. */
export class GetEventSchemasQuery {}
