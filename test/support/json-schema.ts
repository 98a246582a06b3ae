/**
 * A JSON Schema (draft-07) check of the keywords the event schemas use, and no more: a schema
 * with any other keyword is refused, so that nothing passes for want of a keyword understood.
 * Answers the problems found (empty: valid), each with its JSON path.
 */
export type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description']);
const CHECKED = new Set(['type', 'properties', 'required', 'additionalProperties', 'const', 'enum', 'items', 'anyOf']);

const jsonType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function schemaProblems(schema: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema))
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`${path}: the schema uses ${keyword}, which this check does not know`);
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = jsonType(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) return [`${path}: ${actual}, not ${allowed.join(' or ')}`];
  }
  if ('const' in schema && !sameJson(schema.const, value)) problems.push(`${path}: ${JSON.stringify(value)}, not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value)))
    problems.push(`${path}: ${JSON.stringify(value)}, not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((option) => schemaProblems(option, value, path).length === 0))
    problems.push(`${path}: matches none of ${schema.anyOf.length} alternatives`);
  if (jsonType(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in object)) problems.push(`${path}.${name}: missing`);
    for (const [name, field] of Object.entries(object)) {
      if (properties[name]) problems.push(...schemaProblems(properties[name], field, `${path}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${path}.${name}: not in the schema`);
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...schemaProblems(schema.additionalProperties as Schema, field, `${path}.${name}`));
    }
  }
  if (Array.isArray(value) && schema.items)
    (value as unknown[]).forEach((item, i) => problems.push(...schemaProblems(schema.items as Schema, item, `${path}[${i}]`)));
  return problems;
}
