/**
 * Canonical JSON: what `JSON.stringify` writes, with every object's keys sorted (by UTF-16 code
 * units, as `Array.prototype.sort` and RFC 8785 order them) and no whitespace. Everything else
 * follows `JSON.stringify` exactly (`toJSON`, `undefined` members left out, non-finite numbers as
 * `null`, …), so a value and its stored-and-parsed-back copy have the same canonical form: the
 * hash computed at append is the hash recomputed from the store.
 */
export function canonicalJson(value: unknown): string {
  const json = canonicalMember(value);
  if (json === undefined) throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
  return json;
}

/** The canonical JSON of an object's member, or undefined where JSON.stringify leaves the member out. */
export function canonicalMember(value: unknown, key = ''): string | undefined {
  return write(value, key);
}

// Every append and every verify writes each event this way: string concatenation, and the quoted
// form of the keys (the same few field names again and again) kept, up to a bound.
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size >= MAX_QUOTED_KEYS) quotedKeys.clear();
    quotedKeys.set(key, text);
  }
  return text;
}

function write(input: unknown, key: string): string | undefined {
  let value = input;
  if (typeof value === 'object' && value !== null) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
    if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // A loop, not `map`: `map` skips the holes of a sparse array, which JSON.stringify writes as null.
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (write(value[i], String(i)) ?? 'null');
    return out + ']';
  }
  const object = value as Record<string, unknown>;
  const names = Object.keys(object);
  if (names.length > 1) names.sort();
  let out = '{';
  for (const name of names) {
    const member = write(object[name], name);
    if (member === undefined) continue;
    out += (out.length === 1 ? '' : ',') + quoted(name) + ':' + member;
  }
  return out + '}';
}
