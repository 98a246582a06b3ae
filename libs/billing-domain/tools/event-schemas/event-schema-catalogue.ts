import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import { SCHEMA_CHANGES } from '../../src/shared/event-schema-changes';
import { currentSchemaVersion, UPCASTERS } from '../../src/shared/event-schema';
import type { EventSchemaCatalogue, EventTypeSchema, JsonSchema } from '../../src/shared/published-event-schemas';

/**
 * The published event contract, generated from the TypeScript types: a JSON Schema of every
 * `BillingEvent` type's data at its current schema version, the schemas of its earlier versions
 * (the current one without the fields each later version added, SCHEMA_CHANGES), and the
 * metadata every event carries. `npm run events:schemas` writes it; event-schemas.spec.ts fails
 * when the committed files and the code disagree.
 */
export const ROOT = join(__dirname, '../../../..');
export const CATALOGUE_FILE = join(ROOT, 'libs/billing-domain/src/shared/event-schemas.json');
export const EVENTS_DOC = join(ROOT, 'docs/events.md');

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function generatedSchema(path: string, type: string): JsonSchema {
  const config: Config = {
    path: join(ROOT, path),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type,
    expose: 'none',
    topRef: false,
    jsDoc: 'extended',
    skipTypeCheck: true,
  };
  const { definitions, ...schema } = createGenerator(config).createSchema(type) as JsonSchema;
  // Every type is inlined (`expose: 'none'`), so there are no definitions to keep.
  if (definitions && Object.keys(definitions).length > 0) throw new Error(`${type}: the schema has definitions; inline them`);
  return schema;
}

/** The union's members, nested unions flattened (an approval's events are in three streams' unions). */
function unionMembers(schema: JsonSchema): JsonSchema[] {
  return Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]).flatMap(unionMembers) : [schema];
}

function dataSchemasByType(): Map<string, JsonSchema> {
  const byType = new Map<string, JsonSchema>();
  for (const member of unionMembers(generatedSchema('libs/billing-domain/src/billing-event.ts', 'BillingEvent'))) {
    const properties = member.properties as Record<string, JsonSchema> | undefined;
    const type = properties?.type?.const;
    if (typeof type !== 'string' || !properties?.data)
      throw new Error(`a BillingEvent member without a type name or data: ${JSON.stringify(member).slice(0, 200)}`);
    const seen = byType.get(type);
    if (seen && JSON.stringify(seen) !== JSON.stringify(properties.data)) throw new Error(`${type} has two different data shapes in the BillingEvent union`);
    byType.set(type, properties.data);
  }
  return byType;
}

/** The schema without the given fields (dotted paths into nested object properties). */
function withoutFields(schema: JsonSchema, paths: readonly string[]): JsonSchema {
  const copy = structuredClone(schema);
  for (const path of paths) {
    const names = path.split('.');
    let node: JsonSchema = copy;
    for (const name of names.slice(0, -1)) {
      node = (node.properties as Record<string, JsonSchema> | undefined)?.[name] as JsonSchema;
      if (!node) throw new Error(`no field ${path} in the schema`);
    }
    const last = names[names.length - 1];
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    if (!properties?.[last]) throw new Error(`no field ${path} in the schema`);
    delete properties[last];
    if (Array.isArray(node.required)) node.required = (node.required as string[]).filter((name) => name !== last);
  }
  return copy;
}

const titled = (type: string, version: number, schema: JsonSchema): JsonSchema => ({ $schema: DRAFT_07, title: `${type} v${version} data`, ...schema });

function eventTypeSchema(type: string, data: JsonSchema): EventTypeSchema {
  const schemaVersion = currentSchemaVersion(type);
  const changes = SCHEMA_CHANGES[type] ?? [];
  if (changes.length !== schemaVersion - 1)
    throw new Error(`${type} is at v${schemaVersion} but SCHEMA_CHANGES describes ${changes.length} change(s): describe each upcaster`);
  const earlierVersions: EventTypeSchema['earlierVersions'] = [];
  let newer: JsonSchema | null = data;
  for (let version = schemaVersion - 1; version >= 1; version--) {
    const { change, addedFields } = changes[version - 1];
    newer = newer && addedFields ? withoutFields(newer, addedFields) : null;
    earlierVersions.unshift({ schemaVersion: version, upcastTo: version + 1, change, schema: newer && titled(type, version, newer) });
  }
  return { type, schemaVersion, schema: titled(type, schemaVersion, data), earlierVersions };
}

/** The catalogue as the code says it is now. */
export function generateCatalogue(): EventSchemaCatalogue {
  const byType = dataSchemasByType();
  for (const type of new Set([...Object.keys(UPCASTERS), ...Object.keys(SCHEMA_CHANGES)]))
    if (!byType.has(type)) throw new Error(`${type} has upcasters or schema changes but is no BillingEvent type`);
  const types = [...byType.keys()].sort().map((type) => eventTypeSchema(type, byType.get(type)!));
  const metadata = { $schema: DRAFT_07, title: 'Event metadata', ...generatedSchema('libs/event-store/src/event-store.port.ts', 'EventMetadata') };
  return { metadata, types };
}

/**
 * The catalogue file's text, formatted by the repository's prettier (so that `npm run lint` passes
 * it), in a process of its own: prettier 3 loads its parsers as ES modules, which Jest cannot.
 */
export function catalogueText(catalogue: EventSchemaCatalogue): string {
  return execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', CATALOGUE_FILE], {
    cwd: ROOT,
    input: JSON.stringify(catalogue),
    encoding: 'utf8',
  });
}
