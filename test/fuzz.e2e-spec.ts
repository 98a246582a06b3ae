import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { ACTOR_ROLES, type ActorRole } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { FINANCE_KEY, startTestApp, type TestApp } from './support/test-app';

/*
 * Generated bad requests against every operation of the service's own OpenAPI document
 * (http-api.md: never a 500 for bad input, nothing written when a request is refused).
 *
 * Each run draws a seed, printed with any failure. To replay a failure, run the file with it:
 *   FUZZ_SEED=<seed> npx jest test/fuzz.e2e-spec.ts
 * The same seed sends the same requests in the same order. FUZZ_RUNS (default 8) sets the
 * requests per operation and kind; raise it for a longer hunt, e.g. FUZZ_RUNS=200.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 8;
/**
 * Each kind of bad request shares this much time among the operations, shrinking included (about
 * 3 s is used on an idle machine); on a loaded one the operations get fewer runs, each at least
 * MIN_SHARE_MS, so that the file stays well under a minute.
 */
const KIND_BUDGET_MS = 1500 * RUNS;
const MIN_SHARE_MS = 150;

interface Schema {
  type?: string;
  enum?: string[];
  example?: unknown;
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema;
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

interface Operation {
  method: string;
  /** As the document names it: `/api/time-entries/{id}`. */
  path: string;
  pathParameters: string[];
  queryParameters: string[];
  /** The request body's schema, `$ref`s resolved at the top. */
  body?: Schema;
}

type Caller = ActorRole | 'no key';

interface FuzzRequest {
  caller: Caller;
  method: string;
  /** Path and query exactly as sent: already percent-encoded, or deliberately not. */
  url: string;
  /** JSON text exactly as sent (numbers as written), sent with Content-Type: application/json. */
  body?: string;
}

interface Answer {
  status: number;
  body: unknown;
}

/** A JSON number kept as written, so that `1e400`, `-0` and `9223372036854775808` reach the parser as such. */
class JsonNumber {
  constructor(readonly text: string) {}
}
type Json = null | boolean | string | JsonNumber | Json[] | { [key: string]: Json };

function jsonText(value: Json): string {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, child]) => `${JSON.stringify(key)}:${jsonText(child)}`)
      .join(',')}}`;
  // JSON.stringify escapes lone surrogates (\ud800), so they reach the service as such.
  return JSON.stringify(value);
}

/** Object.fromEntries defines `__proto__` as an own field instead of setting the prototype. */
const objectOf = (entries: [string, Json][]): Json => Object.fromEntries(entries) as Json;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string';

/** What is wrong with an answer: a 5xx, a body not of http-api.md's shapes, or a refused request that moved the store. */
function faultsOf(answer: Answer, headBefore: bigint, headAfter: bigint): string[] {
  const faults: string[] = [];
  const { status, body } = answer;
  if (status >= 500) faults.push(`answered ${status}`);
  if (status >= 400 && headAfter !== headBefore) faults.push(`refused with ${status} but moved the store head from ${headBefore} to ${headAfter}`);
  const errorNamed = (error: string) => isObject(body) && body.error === error && isText(body.message);
  const shaped =
    (status >= 200 && status < 300) ||
    (status === 400 &&
      isObject(body) &&
      body.error === 'validation' &&
      Array.isArray(body.details) &&
      body.details.length > 0 &&
      body.details.every((detail) => isObject(detail) && isText(detail.field) && isText(detail.message))) ||
    (status === 401 && errorNamed('unauthenticated')) ||
    (status === 403 && errorNamed('forbidden')) ||
    (status === 404 && errorNamed('not_found')) ||
    (status === 409 && errorNamed('conflict')) ||
    (status === 415 && errorNamed('unsupported_media_type')) ||
    (status === 422 && errorNamed('rule') && isObject(body) && isText(body.rule));
  if (!shaped && status < 500) faults.push(`answered ${status} with a body not of the documented shapes: ${JSON.stringify(body)?.slice(0, 300)}`);
  return faults;
}

// ---- generators -------------------------------------------------------------------------------

/** Code units that break naive text handling: controls, line separators, bidi overrides, zero-width, BOM, lone surrogates. */
const awkwardUnit = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  'é',
  'a',
  '1',
  '-',
  '.',
  '/',
  '%',
  ' ',
);

const nastyString = fc.oneof(
  fc.string({ unit: awkwardUnit, maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '..',
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    '0x10',
    '1,5',
    '١٢٣',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '9999-12-31',
    '+002026-01-01',
    '2026-11-16T25:00:00Z',
    '__proto__',
    'constructor',
    'toString',
    '<script>alert(1)</script>',
    "'; DROP TABLE events;--",
  ),
  fc.integer({ min: 300, max: 5000 }).map((n) => 'x'.repeat(n)),
);

const nastyNumber = fc
  .oneof(
    fc.constantFrom(
      '9223372036854775808',
      '-9223372036854775809',
      '18446744073709551616',
      '1e400',
      '-1e400',
      '1e-400',
      '1E+2',
      '-0',
      '0',
      '-1',
      '0.00001',
      '4.9e-324',
      '1.7976931348623157e308',
      '99999999.99995',
      '999999999999.995',
      '123456789012345678901234567890.123456789',
      '24.00001',
      '0.5',
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.integer().map(String),
  )
  .map((text) => new JsonNumber(text));

const nastyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', 'id ', 'ID', 'a.b', '$where', '0'), nastyString);

const leaf: fc.Arbitrary<Json> = fc.oneof(fc.constant(null), fc.boolean(), nastyString, nastyNumber);

/** Any JSON value: objects and lists up to a moderate depth. */
const anyJson: fc.Arbitrary<Json> = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    leaf,
    fc.array(tie('json'), { maxLength: 5 }),
    fc.array(fc.tuple(nastyKey, tie('json')), { maxLength: 5 }).map(objectOf),
  ),
})).json;

/** Deeper than the service's limit (MAX_BODY_DEPTH 32), or just under it. */
const deepJson: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 28, max: 40 }), fc.boolean())
  .map(([depth, inObjects]) => Array.from({ length: depth }).reduce<Json>((inner) => (inObjects ? { a: inner } : [inner]), '1'));

/** A value of the wrong type, or of the right type but out of every range. */
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: leaf, weight: 6 },
  { arbitrary: anyJson, weight: 3 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: fc.integer({ min: 1_100_000, max: 1_200_000 }).map((n) => 'x'.repeat(n)), weight: 1 }, // beyond the 1 MB body limit
);

/** A path segment or query value as percent-encoded UTF-8 (a lone surrogate becomes U+FFFD; `encodedGarbage` sends broken encodings). */
const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

const encodedGarbage = fc.oneof(
  fc.constantFrom('%zz', '%', '%2', '%00', '%2F', '%2f..%2f', '%2e%2e', '%C0%AF', '%ED%A0%80', '%FF%FE', '%E2%80%AE', '%20', '+', ';', '*', '%25zz', '%u0041'),
  fc.string({ unit: fc.constantFrom('%', 'z', '2', 'F', '0', 'e', 'E', 'D', '.', 'a'), minLength: 1, maxLength: 12 }),
);

const badSegment = fc.oneof(
  fc.constantFrom('..', '.', '-1', '0', '9223372036854775808', 'NaN', 'null', '__proto__', 'constructor', 'x'.repeat(4000)),
  nastyString.filter((s) => s.length > 0 && s.length < 1000).map(percentEncode),
  encodedGarbage,
);

const badQueryValue = fc.oneof(
  fc.constantFrom(
    '9223372036854775808',
    '-9223372036854775809',
    '-1',
    '0',
    '1e3',
    '1e400',
    'NaN',
    'Infinity',
    '-0',
    '0x10',
    '1.5',
    '%201',
    '',
    'true',
    'null',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '99999-01-01',
  ),
  fc.bigInt().map(String),
  nastyString.filter((s) => s.length < 1000).map(percentEncode),
  encodedGarbage,
  fc.integer({ min: 300, max: 3000 }).map((n) => '9'.repeat(n)),
);

/** Mostly finance (the role that may do most), sometimes another role, sometimes no key. */
const caller: fc.Arbitrary<Caller> = fc.oneof(
  { arbitrary: fc.constant<Caller>('finance'), weight: 7 },
  { arbitrary: fc.constantFrom<Caller>(...ACTOR_ROLES.filter((role) => role !== 'finance')), weight: 2 },
  { arbitrary: fc.constant<Caller>('no key'), weight: 1 },
);

/** Every place inside a value (a field, an item, at any depth) where one thing can be changed. */
function pathsIn(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((child, index) => pathsIn(child, [...at, index]))];
  if (isObject(value) && !(value instanceof JsonNumber))
    return [...here, ...Object.entries(value as Record<string, Json>).flatMap(([key, child]) => pathsIn(child, [...at, key]))];
  return here;
}

/** A copy of `value` with the thing at `path` replaced, or removed when `replacement` is undefined. */
function changedAt(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (!path.length) return replacement ?? null;
  const [step, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length || replacement !== undefined) copy[step as number] = changedAt(value[step as number], rest, replacement);
    else copy.splice(step as number, 1);
    return copy;
  }
  const entries = Object.entries(value as Record<string, Json>).flatMap(([key, child]): [string, Json][] =>
    key !== step ? [[key, child]] : rest.length || replacement !== undefined ? [[key, changedAt(child, rest, replacement)]] : [],
  );
  return objectOf(entries);
}

describe('fuzz: generated bad requests to every documented operation', () => {
  let t: TestApp;
  let port: number;
  let document: OpenApiDocument;
  let operations: Operation[];
  const keys = {} as Record<ActorRole, string>;
  /** Ids that exist, by the collection their paths name (`contracts`, `time-entries`, …). */
  const existing: Record<string, string[]> = {};
  /** For the summary printed at the end. */
  const sent = { requests: 0, seconds: 0, shortened: 0 };

  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();

  /** One request exactly as given (supertest would normalise the path and re-encode the body). */
  function send(fuzz: FuzzRequest): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (fuzz.caller !== 'no key') headers.authorization = `Bearer ${keys[fuzz.caller]}`;
    if (fuzz.body !== undefined) {
      headers['content-type'] = 'application/json';
      // Node frames a GET's or DELETE's body only when told its length.
      headers['content-length'] = String(Buffer.byteLength(fuzz.body));
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: fuzz.method, path: fuzz.url, headers, timeout: 15_000 }, (res) => {
        // An event stream (GET /api/events/stream) never ends by itself: its status is the answer.
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          req.destroy();
          return resolve({ status: res.statusCode!, body: undefined });
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // kept as text: faultsOf names it
          }
          resolve({ status: res.statusCode!, body });
        });
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 15 s')));
      req.on('error', reject);
      req.end(fuzz.body);
    });
  }

  /** Sends a request and throws what is wrong with its answer, naming the request. */
  async function probe(fuzz: FuzzRequest): Promise<void> {
    const before = await head();
    const answer = await send(fuzz);
    sent.requests++;
    const faults = faultsOf(answer, before, await head());
    if (faults.length) {
      const body = fuzz.body && fuzz.body.length > 500 ? `${fuzz.body.slice(0, 500)}… (${fuzz.body.length} chars)` : fuzz.body;
      throw new Error(`${fuzz.method} ${fuzz.url.slice(0, 500)} as ${fuzz.caller}${body !== undefined ? ` with ${body}` : ''}: ${faults.join('; ')}`);
    }
  }

  const resolved = (schema: Schema): Schema => {
    if (schema.$ref) return resolved(document.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolved(schema.allOf[0]);
    return schema;
  };

  /** A value a client might well send for a field, going by its name, then by its schema. */
  function plausible(field: string, schema: Schema): fc.Arbitrary<Json> {
    const own = resolved(schema);
    const id = (collection: string) => fc.constantFrom(...existing[collection]);
    const named: Record<string, fc.Arbitrary<Json>> = {
      id: fc.oneof(fc.stringMatching(/^fz-[a-z0-9]{1,8}$/), ...Object.values(existing).map((ids) => fc.constantFrom(...ids))),
      accountId: id('accounts'),
      billToAccountId: id('accounts'),
      parentAccountId: id('accounts'),
      resourceId: fc.constant('ann'),
      roleId: id('roles'),
      workTypeId: id('work-types'),
      contractId: id('contracts'),
      exclusionContractId: id('contracts'),
      exclusionSetId: id('exclusion-sets'),
      billingCodeId: id('billing-codes'),
      taxRegionId: id('tax-regions'),
      ticketId: fc.constant('T-1'),
      itemIds: fc.subarray([...existing['time-entries'], ...existing.charges, ...existing.expenses], { minLength: 1 }),
      workTypeIds: fc.subarray(existing['work-types']),
      roleIds: fc.subarray(existing.roles),
      excludedWorkTypeIds: fc.subarray(existing['work-types']),
      excludedRoleIds: fc.subarray(existing.roles),
      date: fc.constantFrom('2026-11-16', '2026-11-17'),
      dateWorked: fc.constantFrom('2026-11-16', '2026-11-17'),
      postedDate: fc.constant('2026-11-25'),
      startDate: fc.constant('2026-11-01'),
      endDate: fc.constant('2026-11-30'),
      startTime: fc.constant('2026-11-16T09:00:00Z'),
      reason: fc.constant('fuzz'),
    };
    if (named[field]) return named[field];
    if (own.enum?.length) return fc.constantFrom(...own.enum);
    if (own.example !== undefined) return fc.constant(own.example as Json);
    if (own.type === 'array' && own.items) return plausible(field, own.items).map((item) => [item]);
    if (own.type === 'object' && own.additionalProperties)
      return fc.tuple(id('time-entries'), plausibleBody(own.additionalProperties)).map(([key, value]) => objectOf([[key, value]]));
    if (own.properties) return plausibleBody(own);
    if (own.type === 'boolean') return fc.boolean();
    if (own.type === 'number') return fc.constant(new JsonNumber('1'));
    return fc.constant('fuzz');
  }

  /** A body that might well be valid: every required field, some of the others. */
  function plausibleBody(schema: Schema): fc.Arbitrary<Json> {
    const own = resolved(schema);
    const fields = Object.entries(own.properties ?? {});
    return fc.record(Object.fromEntries(fields.map(([field, fieldSchema]) => [field, plausible(field, fieldSchema)])), {
      requiredKeys: own.required ?? [],
    }) as fc.Arbitrary<Json>;
  }

  /** Random JSON; the operation's own field names with wrong or extreme values; a plausible body with one thing changed. */
  function badBody(operation: Operation): fc.Arbitrary<Json> {
    const schema = operation.body ? resolved(operation.body) : undefined;
    const names = Object.keys(schema?.properties ?? {});
    const kinds: fc.WeightedArbitrary<Json>[] = [
      { arbitrary: anyJson, weight: 2 },
      { arbitrary: deepJson, weight: 1 },
    ];
    if (schema && names.length) {
      kinds.push({
        arbitrary: fc.array(fc.tuple(fc.constantFrom(...names), wrongValue), { minLength: 1, maxLength: names.length }).map(objectOf),
        weight: 3,
      });
      kinds.push({
        arbitrary: plausibleBody(schema).chain((valid) => {
          const places = pathsIn(valid);
          const withUnknownField = fc
            .tuple(nastyKey, anyJson)
            .map(([key, value]) => objectOf([...Object.entries(valid as Record<string, Json>), [key, value]]));
          if (!places.length) return withUnknownField;
          // one field or nested item changed to a wrong value, or removed
          const changed = fc.tuple(fc.constantFrom(...places), fc.option(wrongValue, { nil: undefined })).map(([path, value]) => changedAt(valid, path, value));
          return fc.oneof(changed, withUnknownField);
        }),
        weight: 6,
      });
    }
    return fc.oneof(...kinds);
  }

  /** JSON text no serializer writes: cut short anywhere, or a plausible body with one field sent twice (the parser keeps the last). */
  function oddJsonText(operation: Operation): fc.Arbitrary<string> {
    const cutShort = badBody(operation)
      .map(jsonText)
      .chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((length) => text.slice(0, length)));
    if (!operation.body) return cutShort;
    const fieldTwice = fc.tuple(plausibleBody(operation.body), wrongValue, fc.boolean()).map(([valid, wrong, wrongFirst]) => {
      const [first] = Object.keys(valid as Record<string, Json>);
      if (first === undefined) return jsonText(valid);
      const inner = jsonText(valid).slice(1, -1);
      const repeated = `${JSON.stringify(first)}:${jsonText(wrong)}`;
      return `{${wrongFirst ? `${repeated},${inner}` : `${inner},${repeated}`}}`;
    });
    return fc.oneof(cutShort, fieldTwice);
  }

  /** A path parameter that names something real (or, sometimes, something that does not exist). */
  function goodSegment(operation: Operation, parameter: string): fc.Arbitrary<string> {
    if (parameter === 'resourceId') return fc.constant('ann');
    if (parameter === 'weekStart') return fc.constantFrom('2026-11-16', '2026-11-09');
    const collection = operation.path.split('/')[2];
    return fc.constantFrom(...(existing[collection] ?? []), 'probe-1').map(percentEncode);
  }

  const urlWith = (operation: Operation, segments: Record<string, string>) => operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => segments[name]);

  function goodUrl(operation: Operation): fc.Arbitrary<string> {
    const segments = Object.fromEntries(operation.pathParameters.map((name) => [name, goodSegment(operation, name)]));
    return fc.record(segments).map((chosen) => urlWith(operation, chosen));
  }

  /** A plausible body where the operation takes one, so that only the URL is bad. */
  const goodBodyText = (operation: Operation): fc.Arbitrary<string | undefined> =>
    operation.body ? plausibleBody(operation.body).map(jsonText) : fc.constant(undefined);

  function badQuery(operation: Operation): fc.Arbitrary<string> {
    const key = fc.oneof(...(operation.queryParameters.length ? [{ arbitrary: fc.constantFrom(...operation.queryParameters), weight: 4 }] : []), {
      arbitrary: fc.oneof(
        fc.constantFrom('limit[]', 'limit[a]', 'a[b][c]', '__proto__', 'constructor', '__proto__[x]', '', '%zz', 'x'),
        nastyString.filter((s) => s.length < 200).map(percentEncode),
      ),
      weight: 1,
    });
    const pair = fc
      .tuple(key, badQueryValue, fc.constantFrom('=', '', '=='))
      .map(([name, value, separator]) => (separator === '' ? name : `${name}${separator}${value}`));
    return fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => `?${pairs.join('&')}`);
  }

  function badPath(operation: Operation): fc.Arbitrary<string> {
    if (!operation.pathParameters.length) return badSegment.map((segment) => `${operation.path}/${segment}`);
    const segments = Object.fromEntries(
      operation.pathParameters.map((name) => [name, fc.oneof({ arbitrary: badSegment, weight: 3 }, { arbitrary: goodSegment(operation, name), weight: 1 })]),
    );
    return fc.record(segments).map((chosen) => urlWith(operation, chosen));
  }

  const generators: Record<'body' | 'query' | 'path', (operation: Operation) => fc.Arbitrary<FuzzRequest>> = {
    body: (operation) =>
      fc.record({
        caller,
        method: fc.constant(operation.method),
        url: goodUrl(operation),
        body: fc.oneof({ arbitrary: badBody(operation).map(jsonText), weight: 8 }, { arbitrary: oddJsonText(operation), weight: 1 }),
      }),
    query: (operation) =>
      fc
        .record({ caller, url: goodUrl(operation), query: badQuery(operation), body: goodBodyText(operation) })
        .map(({ url, query, ...rest }) => ({ ...rest, method: operation.method, url: `${url}${query}` })),
    path: (operation) => fc.record({ caller, method: fc.constant(operation.method), url: badPath(operation), body: goodBodyText(operation) }),
  };

  /** Runs `kind` against every operation; the failures, each with fast-check's report (seed, counterexample). */
  async function fuzz(kind: keyof typeof generators): Promise<string[]> {
    const started = Date.now();
    const deadline = started + KIND_BUDGET_MS;
    const failures: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const details = await fc.check(fc.asyncProperty(generators[kind](operation), probe), {
        seed: SEED,
        numRuns: RUNS,
        interruptAfterTimeLimit: Math.max(MIN_SHARE_MS, (deadline - Date.now()) / (operations.length - index)),
      });
      if (details.interrupted) sent.shortened++;
      if (details.failed)
        failures.push(`${operation.method} ${operation.path} (${kind}): ${String(details.errorInstance)}\n${fc.defaultReportMessage(details)}`);
    }
    sent.seconds += (Date.now() - started) / 1000;
    return failures;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    port = (server.address() as AddressInfo).port;
    keys.finance = FINANCE_KEY;
    for (const role of ACTOR_ROLES) if (role !== 'finance') keys[role] = await t.keyFor(role);

    const ok = async (url: string, body: object) => {
      const res = await t.as().post(url).send(body);
      if (res.status !== 200 && res.status !== 201) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const ids = await setUpLinkedContracts(t, { accountId: 'acme' });
    await ok('/api/billing-codes', { id: 'svc', name: 'Service', type: 'service' });
    await ok('/api/exclusion-sets', { id: 'bronze', name: 'Bronze', workTypeIds: ['onsite'], roleIds: [] });
    await ok('/api/tax-regions', { id: 'ny', name: 'New York', rates: [{ taxCategory: 'labour', name: 'NY', rate: '0.08875' }] });
    await logTime(t, keys.technician, { id: 'fz-te-1', accountId: 'acme', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '1.5' });
    await logTime(t, keys.technician, { id: 'fz-te-2', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-17', hoursWorked: '2' });
    await ok('/api/charges', { id: 'fz-ch-1', accountId: 'acme', name: 'SSD', date: '2026-11-16', quantity: '1', unitPrice: '129.99' });
    await ok('/api/expenses', { id: 'fz-ex-1', accountId: 'acme', category: 'mileage', date: '2026-11-16', amount: '42.80' });
    const posted = (await ok('/api/approve-and-post', { itemIds: ['fz-ch-1'], postedDate: '2026-11-25' })) as { posted: { id: string }[] };
    // Keys a finance caller may revoke or rotate without locking the fuzzer out.
    const spareKeys = await Promise.all(
      ['spare 1', 'spare 2'].map(async (name) => ((await ok('/api/api-keys', { name, role: 'integration' })) as { id: string }).id),
    );
    Object.assign(existing, {
      accounts: ['acme'],
      roles: ['engineer'],
      'work-types': ['remote', 'onsite', 'out-of-hours'],
      contracts: [ids.tm, ids.blk, ids.rec],
      'exclusion-sets': ['bronze'],
      'tax-regions': ['ny'],
      'billing-codes': ['svc'],
      'time-entries': ['fz-te-1', 'fz-te-2'],
      charges: ['fz-ch-1'],
      expenses: ['fz-ex-1'],
      tickets: ['T-1'],
      'billing-items': posted.posted.map((item) => item.id),
      'api-keys': spareKeys,
    });

    document = (await t.as().get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        pathParameters: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParameters: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: operation.requestBody?.content['application/json']?.schema,
      })),
    );
  }, 60_000);

  afterAll(async () => {
    if (sent.requests)
      process.stdout.write(
        `fuzz: seed ${SEED}, ${sent.requests} requests in ${sent.seconds.toFixed(1)} s (${RUNS} runs per operation and kind; ${sent.shortened} cut short by the time budget)\n`,
      );
    await t.dispose();
  });

  it('the judge flags a 5xx, an undocumented body and a write by a refused request (it can fail)', () => {
    // given: answers as the service gives them
    const validation = { error: 'validation', details: [{ field: 'hoursWorked', message: 'must be a decimal' }] };
    const rule = { error: 'rule', rule: 'timesheet-approved', message: 'the week is not approved' };
    // then: the documented shapes pass, with the store unmoved or (for a 2xx) moved
    expect(faultsOf({ status: 400, body: validation }, 5n, 5n)).toEqual([]);
    expect(faultsOf({ status: 422, body: rule }, 5n, 5n)).toEqual([]);
    expect(faultsOf({ status: 404, body: { error: 'not_found', message: 'no contract x' } }, 5n, 5n)).toEqual([]);
    expect(faultsOf({ status: 201, body: { id: 'x' } }, 5n, 6n)).toEqual([]);
    // and: a 500, a refusal that wrote, and bodies of no documented shape are each named
    expect(faultsOf({ status: 500, body: { error: 'internal', message: 'internal error; it has been logged' } }, 5n, 5n)).toEqual(['answered 500']);
    expect(faultsOf({ status: 409, body: { error: 'conflict', message: 'already posted' } }, 5n, 6n)).toEqual([
      'refused with 409 but moved the store head from 5 to 6',
    ]);
    expect(faultsOf({ status: 400, body: { error: 'validation', details: [] } }, 5n, 5n)).toHaveLength(1);
    expect(faultsOf({ status: 400, body: 'Bad Request' }, 5n, 5n)).toHaveLength(1);
    expect(faultsOf({ status: 422, body: { error: 'rule', message: 'no rule named' } }, 5n, 5n)).toHaveLength(1);
    expect(faultsOf({ status: 431, body: undefined }, 5n, 5n)).toHaveLength(1);
  });

  it('the document has the operations to fuzz, with their request schemas', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(20);
    expect(operations.filter((o) => o.body && !resolved(o.body).properties)).toEqual([]);
  });

  it('bad bodies: no 5xx, documented shapes, nothing written when refused', async () => {
    expect(await fuzz('body')).toEqual([]);
  }, 120_000);

  it('bad query strings: no 5xx, documented shapes, nothing written when refused', async () => {
    expect(await fuzz('query')).toEqual([]);
  }, 120_000);

  it('bad paths: no 5xx, documented shapes, nothing written when refused', async () => {
    expect(await fuzz('path')).toEqual([]);
  }, 120_000);
});
