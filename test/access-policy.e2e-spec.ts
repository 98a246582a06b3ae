import type { IncomingMessage } from 'node:http';
import request from 'supertest';
import { ACTOR_ROLES, type ActorRole } from '@billing/domain';
import { ACCESS_POLICY, accessKey } from '../apps/billing-api/src/auth/access-policy';
import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  method: string;
  /** As the OpenAPI document names it: `/api/time-entries/{id}`. */
  path: string;
  /** As the router and the policy table name it: `/api/time-entries/:id`. */
  route: string;
}

/** Every operation of the service's own OpenAPI document. */
async function documentedOperations(t: TestApp): Promise<Operation[]> {
  const document = (await request(t.app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, object> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path, route: path.replace(/\{([^}]+)\}/g, ':$1') })),
  );
}

/** A concrete URL for an operation: a technician's own resource for `resourceId`, a well-formed id elsewhere. */
const urlOf = (path: string) =>
  path
    .replace(/\{resourceId\}/g, 'ann')
    .replace(/\{weekStart\}/g, '2026-11-16')
    .replace(/\{[^}]+\}/g, 'probe-1');

/**
 * Reads an answer's body, except an event stream's (GET /api/events/stream never ends by itself):
 * its headers carry the status, so the connection is dropped as soon as they arrive.
 */
function untilEventStream(answer: request.Response, done: (error: Error | null, body: unknown) => void): void {
  const res = answer as unknown as IncomingMessage; // superagent hands a parser Node's response
  if (String(res.headers['content-type']).startsWith('text/event-stream')) {
    res.destroy();
    setImmediate(() => done(null, undefined));
    return;
  }
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
}

/**
 * The role matrix (billing-rules §12): every endpoint of the OpenAPI document, called with a key
 * of every role and with no key, answers as the access policy table says: 401 without a key, 403
 * for a role not in its row, and neither for a role in it. Generated from the document, so an
 * endpoint added without a row fails here.
 */
describe('access policy: every endpoint × every role × no key', () => {
  let t: TestApp;
  let operations: Operation[];
  const keys = {} as Record<ActorRole, string>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ACTOR_ROLES) keys[role] = await t.keyFor(role);
    operations = await documentedOperations(t);
  });
  afterAll(async () => t.dispose());

  it('the document and the policy table name the same endpoints', () => {
    const documented = operations.map((o) => accessKey(o.method, o.route)).sort();
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((row) => !ACCESS_POLICY[row])).toEqual([]);
    expect(
      Object.keys(ACCESS_POLICY)
        .filter((row) => !documented.includes(row))
        .sort(),
    ).toEqual([]);
  });

  /** Every call of the matrix whose answer contradicts `policy`. */
  async function mismatches(policy: typeof ACCESS_POLICY): Promise<string[]> {
    const wrong: string[] = [];
    for (const operation of operations) {
      const access = policy[accessKey(operation.method, operation.route)];
      const send = (key: string | undefined) => {
        const call = request(t.app.getHttpServer())[operation.method.toLowerCase() as 'get'](urlOf(operation.path));
        if (key) call.set('Authorization', `Bearer ${key}`);
        call.buffer(true).parse(untilEventStream);
        return operation.method === 'GET' ? call : call.send({});
      };
      const callers: [string, string | undefined, boolean][] = [
        ['no key', undefined, access.roles === 'public'],
        ...ACTOR_ROLES.map((role): [string, string, boolean] => [role, keys[role], access.roles === 'public' || access.roles.includes(role)]),
      ];
      for (const [who, key, allowed] of callers) {
        const { status } = await send(key);
        const expected = allowed ? 'neither 401 nor 403' : key ? '403' : '401';
        const ok = allowed ? status !== 401 && status !== 403 : status === (key ? 403 : 401);
        if (!ok) wrong.push(`${operation.method} ${operation.path} as ${who}: ${status}, expected ${expected}`);
      }
    }
    return wrong;
  }

  it('the document tells clients who may call each operation', async () => {
    const document = (await request(t.app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    expect(document.paths['/api/time-entries/{id}'].patch['x-roles']).toEqual(['technician', 'finance']);
    expect(document.paths['/api/time-entries/{id}'].patch.description).toMatch(/Roles: technician, finance \(a technician: its own work only\)\.$/);
    expect(document.paths['/health'].get['x-roles']).toEqual([]);
  });

  it('an auditor reads every audit, feed and report endpoint (every GET but health and the key list) and writes nothing; an integration reads the feed and nothing else of billing', () => {
    // given: the table the matrix below holds the service to
    const rows = Object.entries(ACCESS_POLICY).filter(([row]) => row !== 'GET /health');
    const may = (role: ActorRole) => rows.filter(([, access]) => access.roles !== 'public' && access.roles.includes(role)).map(([row]) => row);
    // then: the auditor has every read, and of the other methods only the check of a kept digest (it writes nothing)
    // (the list of API keys is key administration, finance's alone, not billing)
    const reads = rows.map(([row]) => row).filter((row) => row.startsWith('GET ') && row !== 'GET /api/api-keys');
    expect(
      may('auditor')
        .filter((row) => row.startsWith('GET '))
        .sort(),
    ).toEqual(reads.sort());
    expect(may('auditor').filter((row) => !row.startsWith('GET '))).toEqual(['POST /api/audit/digest/verify']);
    for (const prefix of ['GET /api/audit/', 'GET /api/events', 'GET /api/streams/', 'GET /api/reports/'])
      expect(reads.some((row) => row.startsWith(prefix))).toBe(true);
    // and: the integration reads the event feed and its schemas, and pushes licence counts (billing-rules §12), nothing more
    expect(may('integration').sort()).toEqual(
      [
        'GET /api/events',
        'GET /api/events/schemas',
        'GET /api/events/stream',
        'GET /api/streams/:streamId',
        'POST /api/contracts/:id/services/:serviceId/units',
      ].sort(),
    );
  });

  it('every endpoint answers each role and no key as its row says', async () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(await mismatches(ACCESS_POLICY)).toEqual([]);
  });

  it('the matrix sees a row that does not match the service (it can fail)', async () => {
    // given: a table that claims technicians may read contracts, and the auditor may not
    const wrongTable = { ...ACCESS_POLICY, 'GET /api/contracts': { roles: ['finance', 'technician'] as const } };
    // then
    expect(await mismatches(wrongTable)).toEqual([
      'GET /api/contracts as technician: 403, expected neither 401 nor 403',
      'GET /api/contracts as auditor: 200, expected 403',
    ]);
  });
});
