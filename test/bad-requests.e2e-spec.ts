import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { LoggerService } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { setUpLinkedContracts } from './support/msp-fixture';
import { FINANCE_KEY, startTestApp, type TestApp } from './support/test-app';

/** Keeps what the service logs, as the JSON logger would print it. */
class CapturingLogger implements LoggerService {
  readonly lines: Record<string, unknown>[] = [];
  log(message: unknown, context?: string) {
    this.keep('log', message, context);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.keep('error', message, rest);
  }
  warn(message: unknown, context?: string) {
    this.keep('warn', message, context);
  }
  private keep(level: string, message: unknown, context: unknown) {
    this.lines.push({ level, context, ...(message !== null && typeof message === 'object' ? message : { msg: String(message) }) });
  }
  requests() {
    return this.lines.filter((l) => l.msg === 'request');
  }
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { error?: string; message?: string; details?: { field: string; message: string }[] } & Record<string, unknown>;
}

describe('bad requests are refused with the documented shapes, logged, and change nothing', () => {
  let t: TestApp;
  let logger: CapturingLogger;
  let port: number;
  const entry = { accountId: 'acme', resourceId: 'ann', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '1' };

  beforeAll(async () => {
    logger = new CapturingLogger();
    t = await startTestApp({}, logger);
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    await setUpLinkedContracts(t);
    await t
      .as()
      .post('/api/time-entries')
      .send({ ...entry, id: 'te-1', summary: 'first' })
      .expect(201);
  });
  afterAll(async () => t.dispose());

  /** A request exactly as given: no content type unless set, the body as bytes. */
  function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { authorization: `Bearer ${FINANCE_KEY}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : {} });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();
  /** The fields a 400 names, each once (a field may fail more than one check). */
  const fieldsOf = (body: { details: { field: string }[] }) => [...new Set(body.details.map((d) => d.field))].sort();

  /** Every POST, PUT and PATCH the service publishes, path parameters filled in. */
  async function writeEndpoints(): Promise<[string, string][]> {
    const document = (await t.as().get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch'].includes(method))
        .map((method): [string, string] => [method.toUpperCase(), path.replace(/\{weekStart\}/, '2026-11-16').replace(/\{[^}]+\}/g, 'x')]),
    );
  }

  describe('deeply nested JSON', () => {
    const deep = (levels: number, inner = '') => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

    it('5,000 nested arrays (10 KB) are 400 on every write endpoint, and nothing is written', async () => {
      // given: every write endpoint, and a body of 5,000 nested lists
      const endpoints = await writeEndpoints();
      expect(endpoints.length).toBeGreaterThan(20);
      const before = await head();
      for (const [method, path] of endpoints) {
        // when
        const res = await raw(method, path, { 'content-type': 'application/json' }, deep(5000));
        // then
        expect({ method, path, status: res.status, body: res.body }).toEqual({
          method,
          path,
          status: 400,
          body: { error: 'validation', details: [{ field: '(body)', message: 'the body is nested deeper than 32 levels' }] },
        });
      }
      expect(await head()).toBe(before);
    });

    it('the limit counts objects and lists alike, inside an otherwise valid body', async () => {
      // given: a field 32 levels deep (the body itself is level 1), then 33
      const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
      const within = await raw('POST', '/api/accounts', { 'content-type': 'application/json' }, `{"name":"Deep","id":"deep-1","extra":${nested(31)}}`);
      const beyond = await raw('POST', '/api/accounts', { 'content-type': 'application/json' }, `{"name":"Deep","id":"deep-1","extra":${nested(32)}}`);
      // then: the first is judged by its fields (extra is unknown); the second refused before that
      expect(within.status).toBe(400);
      expect(within.body.details).toEqual([{ field: 'extra', message: 'unknown field: extra is not accepted here' }]);
      expect(beyond.body.details).toEqual([{ field: '(body)', message: 'the body is nested deeper than 32 levels' }]);
    });
  });

  describe('Content-Encoding', () => {
    const account = (id: string) => JSON.stringify({ id, name: 'Zipped' });

    it('a gzipped JSON body is read', async () => {
      const res = await raw('POST', '/api/accounts', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(account('zipped-1')));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: 'zipped-1', name: 'Zipped' });
    });

    it.each<[string, Record<string, string>, () => Buffer, number, RawAnswer['body']]>([
      [
        'a truncated gzip body',
        { 'content-encoding': 'gzip' },
        () => gzipSync(account('enc-1')).subarray(0, 20),
        400,
        { error: 'validation', details: [{ field: '(body)', message: 'the body could not be decoded (Content-Encoding gzip)' }] },
      ],
      [
        'a br body that is not brotli',
        { 'content-encoding': 'br' },
        () => Buffer.from(account('enc-2')),
        400,
        { error: 'validation', details: [{ field: '(body)', message: 'the body could not be decoded (Content-Encoding br)' }] },
      ],
      [
        'a deflate body that is plain text',
        { 'content-encoding': 'deflate' },
        () => Buffer.from(account('enc-3')),
        400,
        { error: 'validation', details: [{ field: '(body)', message: 'the body could not be decoded (Content-Encoding deflate)' }] },
      ],
      [
        'an unknown encoding',
        { 'content-encoding': 'x-snappy' },
        () => Buffer.from(account('enc-4')),
        415,
        { error: 'unsupported_media_type', message: 'Content-Encoding x-snappy is not supported; send identity, gzip, deflate or br' },
      ],
    ])('%s is refused with the usual error body, logged, and nothing is written', async (_what, headers, body, status, answer) => {
      // given
      const before = await head();
      const logged = logger.requests().length;
      // when
      const res = await raw('POST', '/api/accounts', { 'content-type': 'application/json', ...headers }, body());
      // then
      expect(res.status).toBe(status);
      expect(res.body).toEqual(answer);
      expect(await head()).toBe(before);
      expect(logger.requests().slice(logged)).toEqual([expect.objectContaining({ method: 'POST', path: '/api/accounts', status })]);
    });

    it('a body that is not JSON is logged like any other request', async () => {
      const logged = logger.requests().length;
      const res = await raw('POST', '/api/accounts', { 'content-type': 'application/json', 'x-correlation-id': 'bad-json-1' }, '{"name":');
      expect(res.status).toBe(400);
      expect(logger.requests().slice(logged)).toEqual([expect.objectContaining({ path: '/api/accounts', status: 400, correlationId: 'bad-json-1' })]);
    });
  });

  describe('a body that is not JSON', () => {
    it.each([
      ['text/plain', 'text/plain'],
      ['XML', 'application/xml'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['no Content-Type', undefined],
    ])('sent as %s is 415 on every write endpoint, and nothing is written', async (_what, contentType) => {
      // given: a JSON body sent with another content type (or none)
      const endpoints = await writeEndpoints();
      const before = await head();
      for (const [method, path] of endpoints) {
        // when
        const res = await raw(method, path, contentType ? { 'content-type': contentType } : {}, '{"reason":"late"}');
        // then
        expect({ method, path, status: res.status, error: res.body.error }).toEqual({ method, path, status: 415, error: 'unsupported_media_type' });
      }
      expect(await head()).toBe(before);
    });

    it('PATCH and PUT no longer answer 200 having changed nothing', async () => {
      // given: a time entry with summary "first", and the settings as they are
      const settings = (await t.as().get('/api/settings').expect(200)).body;
      // when: the changes are sent as text/plain
      const patch = await raw('PATCH', '/api/time-entries/te-1', { 'content-type': 'text/plain' }, '{"summary":"second"}');
      const put = await raw('PUT', '/api/settings', { 'content-type': 'text/plain' }, JSON.stringify({ multiplyOverage: !settings.multiplyOverage }));
      // then
      expect(patch).toMatchObject({
        status: 415,
        body: { error: 'unsupported_media_type', message: 'the body must be JSON (Content-Type: application/json)' },
      });
      expect(put.status).toBe(415);
      expect((await t.as().get('/api/time-entries/te-1')).body.summary).toBe('first');
      expect((await t.as().get('/api/settings')).body).toEqual(settings);
    });

    it('an empty body with no Content-Type is still accepted where the body is optional', async () => {
      // given: ann's week of 16 November, not submitted
      // when: it is submitted with no body at all
      const res = await raw('POST', '/api/timesheets/ann/2026-11-16/submit', { 'content-length': '0' });
      // then
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ resourceId: 'ann', weekStart: '2026-11-16', status: 'SUBMITTED' });
    });

    it('JSON with a charset parameter is JSON', async () => {
      const res = await raw('POST', '/api/accounts', { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ id: 'charset-1', name: 'UTF-8' }));
      expect(res.status).toBe(201);
    });
  });

  // Found by test/fuzz.e2e-spec.ts: both answered 400, but named the problem unlike every other 400.
  describe('what a 400 names', () => {
    it('an empty list where the body is an object is "(body)", as every other problem of the whole body', async () => {
      // given: endpoints whose fields are all optional, so an empty list passes every field's check
      const before = await head();
      // when
      const patch = await raw('PATCH', '/api/time-entries/te-1', { 'content-type': 'application/json' }, '[]');
      const submit = await raw('POST', '/api/timesheets/ann/2026-11-16/submit', { 'content-type': 'application/json' }, '[]');
      // then
      for (const res of [patch, submit])
        expect(res).toMatchObject({ status: 400, body: { error: 'validation', details: [{ field: '(body)', message: 'the body must be a JSON object' }] } });
      expect(await head()).toBe(before);
      expect((await t.as().get('/api/time-entries/te-1')).body.summary).toBe('first');
    });

    it('an unknown field is "unknown field" whatever its name: empty, with spaces, with a tab', async () => {
      // when
      const res = await raw('POST', '/api/accounts', { 'content-type': 'application/json' }, JSON.stringify({ name: 'Odd', '': 1, 'a b': 2, 'c\td': 3 }));
      // then
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: '', message: 'unknown field:  is not accepted here' },
        { field: 'a b', message: 'unknown field: a b is not accepted here' },
        { field: 'c\td', message: 'unknown field: c\td is not accepted here' },
      ]);
    });
  });

  describe('null where a field may only be absent', () => {
    it('PUT /api/settings { multiplyOverage: null } is 400 and stores nothing', async () => {
      // given
      const settings = (await t.as().get('/api/settings').expect(200)).body;
      const before = await head();
      // when
      const res = await t.as().put('/api/settings').send({ multiplyOverage: null, roundUpMinutes: null });
      // then
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['multiplyOverage', 'roundUpMinutes']);
      expect(await head()).toBe(before);
      expect((await t.as().get('/api/settings')).body).toEqual(settings);
    });

    it.each<[string, string, string, Record<string, unknown>, string]>([
      ['an account’s currency', 'post', '/api/accounts', { id: 'null-1', name: 'N', currency: null }, 'currency'],
      ['an account’s invoiceToParent', 'post', '/api/accounts', { id: 'null-2', name: 'N', invoiceToParent: null }, 'invoiceToParent'],
      ['a role’s hourlyCost', 'post', '/api/roles', { id: 'null-r', name: 'N', hourlyRate: '1', hourlyCost: null }, 'hourlyCost'],
      ['a work type’s modifier', 'post', '/api/work-types', { id: 'null-w', name: 'N', modifier: null }, 'modifier'],
      ['a billing code’s glAccount', 'post', '/api/billing-codes', { id: 'null-b', name: 'N', type: 'material', glAccount: null }, 'glAccount'],
      [
        'a contract’s isDefault',
        'post',
        '/api/contracts',
        { id: 'null-c', accountId: 'acme', name: 'N', type: 'TIME_AND_MATERIALS', startDate: '2026-01-01', endDate: '2026-12-31', isDefault: null },
        'isDefault',
      ],
      ['a time entry’s summary on create', 'post', '/api/time-entries', { ...entry, id: 'null-te', summary: null }, 'summary'],
      [
        'a charge’s billable',
        'post',
        '/api/charges',
        { accountId: 'acme', name: 'N', date: '2026-11-16', quantity: '1', unitPrice: '1', billable: null },
        'billable',
      ],
      [
        'an expense’s description',
        'post',
        '/api/expenses',
        { accountId: 'acme', category: 'c', date: '2026-11-16', amount: '1', description: null },
        'description',
      ],
      ['a timesheet submission’s reason', 'post', '/api/timesheets/bob/2026-11-16/submit', { reason: null }, 'reason'],
      ['Approve & Post’s postedDate', 'post', '/api/approve-and-post', { itemIds: ['te-1'], postedDate: null }, 'postedDate'],
    ])('%s sent as null is 400 naming it', async (_what, method, url, body, field) => {
      const before = await head();
      const res = await t.as()[method as 'post' | 'patch'](url).send(body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
      expect(await head()).toBe(before);
    });

    it('null still clears what http-api.md says it clears', async () => {
      await t.as().patch('/api/contracts/acme-tm').send({ purchaseOrderNumber: 'PO-1' }).expect(200);
      const cleared = await t.as().patch('/api/contracts/acme-tm').send({ purchaseOrderNumber: null }).expect(200);
      expect(cleared.body.purchaseOrderNumber).toBeNull();
      const entry = await t.as().patch('/api/time-entries/te-1').send({ ticketId: null }).expect(200);
      expect(entry.body.ticketId).toBeNull();
    });
  });

  describe('dates', () => {
    it.each(['0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])('%s is 400 naming the field', async (date) => {
      const before = await head();
      const res = await t
        .as()
        .post('/api/time-entries')
        .send({ ...entry, dateWorked: date });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'dateWorked', message: 'dateWorked must be a date from 1900-01-01 to 2199-12-31' }]);
      expect(await head()).toBe(before);
    });

    it('a timesheet week in year 1 is 400 naming weekStart', async () => {
      const res = await t.as().post('/api/timesheets/ann/0001-01-01/submit').send({});
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['weekStart']);
    });
  });

  describe('free text', () => {
    const bidi = 'Acme\u202Egnp.exe';
    const contract = { accountId: 'acme', name: 'C', type: 'TIME_AND_MATERIALS', startDate: '2026-01-01', endDate: '2026-12-31' };
    const charge = { accountId: 'acme', name: 'Cable', date: '2026-11-16', quantity: '1', unitPrice: '1' };
    const expense = { accountId: 'acme', category: 'mileage', date: '2026-11-16', amount: '1' };

    it.each<[string, string, string, (text: string) => Record<string, unknown>, string]>([
      ['account name', 'post', '/api/accounts', (s) => ({ name: s }), 'name'],
      ['role name', 'post', '/api/roles', (s) => ({ name: s, hourlyRate: '1' }), 'name'],
      ['work type name', 'post', '/api/work-types', (s) => ({ name: s }), 'name'],
      ['exclusion set name', 'post', '/api/exclusion-sets', (s) => ({ name: s, workTypeIds: [], roleIds: [] }), 'name'],
      ['exclusion set name (PUT)', 'put', '/api/exclusion-sets/x', (s) => ({ name: s, workTypeIds: [], roleIds: [] }), 'name'],
      ['tax region name', 'post', '/api/tax-regions', (s) => ({ name: s, rates: [] }), 'name'],
      ['tax rate name', 'post', '/api/tax-regions', (s) => ({ name: 'R', rates: [{ taxCategory: 'labour', name: s, rate: '0.1' }] }), 'rates.0.name'],
      ['billing code name', 'post', '/api/billing-codes', (s) => ({ name: s, type: 'material' }), 'name'],
      ['billing code GL account', 'post', '/api/billing-codes', (s) => ({ name: 'B', type: 'material', glAccount: s }), 'glAccount'],
      ['API key name', 'post', '/api/api-keys', (s) => ({ name: s, role: 'auditor' }), 'name'],
      ['contract name', 'post', '/api/contracts', (s) => ({ ...contract, name: s }), 'name'],
      ['contract PO number', 'post', '/api/contracts', (s) => ({ ...contract, purchaseOrderNumber: s }), 'purchaseOrderNumber'],
      ['contract PO number (PATCH)', 'patch', '/api/contracts/acme-tm', (s) => ({ purchaseOrderNumber: s }), 'purchaseOrderNumber'],
      ['service name', 'post', '/api/contracts/acme-rec/services', (s) => ({ name: s, units: '1', unitPrice: '1' }), 'name'],
      ['time entry summary', 'post', '/api/time-entries', (s) => ({ ...entry, summary: s }), 'summary'],
      ['time entry summary (PATCH)', 'patch', '/api/time-entries/te-1', (s) => ({ summary: s }), 'summary'],
      ['charge name', 'post', '/api/charges', (s) => ({ ...charge, name: s }), 'name'],
      ['charge PO number', 'post', '/api/charges', (s) => ({ ...charge, purchaseOrderNumber: s }), 'purchaseOrderNumber'],
      ['expense category', 'post', '/api/expenses', (s) => ({ ...expense, category: s }), 'category'],
      ['expense description', 'post', '/api/expenses', (s) => ({ ...expense, description: s }), 'description'],
      ['timesheet reason', 'post', '/api/timesheets/ann/2026-11-23/submit', (s) => ({ reason: s }), 'reason'],
      ['timesheet rejection reason', 'post', '/api/timesheets/ann/2026-11-23/reject', (s) => ({ reason: s }), 'reason'],
      ['release reason', 'post', '/api/approve-and-post/release', (s) => ({ itemIds: ['te-1'], reason: s }), 'reason'],
      ['unpost reason', 'post', '/api/billing-items/x/unpost', (s) => ({ reason: s }), 'reason'],
    ])('a bidi override in the %s is 400 naming it', async (_what, method, url, body, field) => {
      const before = await head();
      const res = await t.as()[method as 'post' | 'put' | 'patch'](url).send(body(bidi));
      expect(res.status).toBe(400);
      const property = field.split('.').pop()!;
      const lineFeeds = ['summary', 'description'].includes(property) ? ' (line feeds are allowed)' : '';
      expect(res.body.details).toEqual([{ field, message: `${property} must not contain control or bidirectional formatting characters${lineFeeds}` }]);
      expect(await head()).toBe(before);
    });

    it.each([
      ['NUL', '\u0000'],
      ['ESC', '\u001B'],
      ['CR', '\r'],
      ['LF', '\n'],
      ['TAB', '\t'],
      ['DEL', '\u007F'],
      ['a C1 control (NEL)', '\u0085'],
      ['right-to-left override', '\u202E'],
      ['left-to-right embedding', '\u202A'],
      ['first strong isolate', '\u2068'],
      ['pop directional isolate', '\u2069'],
      ['a lone surrogate', '\uD800'],
    ])('%s in a name is 400', async (_what, character) => {
      const res = await t
        .as()
        .post('/api/accounts')
        .send({ name: `Acme${character}Dental` });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    });

    it('a summary or description may span lines (LF); other controls are refused there too', async () => {
      const twoLines = await t
        .as()
        .post('/api/time-entries')
        .send({ ...entry, id: 'te-lines', summary: 'line one\nline two' });
      expect(twoLines.status).toBe(201);
      expect(twoLines.body.summary).toBe('line one\nline two');
      await t
        .as()
        .post('/api/expenses')
        .send({ ...expense, id: 'ex-lines', description: 'a\nb' })
        .expect(201);
      const withCr = await t
        .as()
        .post('/api/time-entries')
        .send({ ...entry, summary: 'line one\r\nline two' });
      expect(withCr.body.details.map((d: { field: string }) => d.field)).toEqual(['summary']);
    });

    it('names that are just text, accents and emoji included, are accepted', async () => {
      const res = await t.as().post('/api/accounts').send({ id: 'text-ok', name: 'Zoë’s Café — 東京 🦷' }).expect(201);
      expect(res.body.name).toBe('Zoë’s Café — 東京 🦷');
    });
  });

  describe('headers', () => {
    it('X-Correlation-Id is kept when it is a short token of safe characters', async () => {
      const res = await raw('GET', '/health', { 'x-correlation-id': 'req-42.a:b_c' });
      expect(res.headers['x-correlation-id']).toBe('req-42.a:b_c');
    });

    it.each([
      ['spaces and markup', '<script>alert(1)</script> x'],
      ['more than 128 characters', 'a'.repeat(129)],
      ['a quote', 'a"b'],
      ['non-ASCII', 'zoë'],
    ])('X-Correlation-Id with %s is replaced by a new one, in the answer and in the log', async (_what, given) => {
      const logged = logger.requests().length;
      const res = await raw('GET', '/health', { 'x-correlation-id': given });
      const made = res.headers['x-correlation-id'] as string;
      expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(logger.requests().slice(logged)).toEqual([expect.objectContaining({ correlationId: made })]);
    });

    it('no X-Powered-By header', async () => {
      const res = await raw('GET', '/health');
      expect(res.status).toBe(200);
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('API keys in URLs are never logged', () => {
    it.each([
      ['?key=', '/api/accounts?key=SECRET-1&limit=5', '/api/accounts?key=[redacted]&limit=5'],
      ['?api_key=', '/api/accounts?api_key=SECRET-2', '/api/accounts?api_key=[redacted]'],
      ['?apiKey= (any case)', '/api/accounts?ApiKey=SECRET-3', '/api/accounts?ApiKey=[redacted]'],
      ['?access_token=', '/api/accounts?a=1&access_token=SECRET-4', '/api/accounts?a=1&access_token=[redacted]'],
      ['?token=', '/api/accounts?token=SECRET-5', '/api/accounts?token=[redacted]'],
      ['a blk_ key under any name', '/api/accounts?q=blk_SECRET-6abc', '/api/accounts?q=[redacted]'],
      ['a blk_ key in the path', '/api/accounts/blk_SECRET-7abc', '/api/accounts/[redacted]'],
    ])('%s is redacted from the logged path', async (_what, url, logged) => {
      const secret = /SECRET-\d/.exec(url)![0];
      const count = logger.lines.length;
      await raw('GET', url);
      const lines = logger.lines.slice(count);
      expect(JSON.stringify(lines)).not.toContain(secret);
      expect(lines.filter((l) => l.msg === 'request')).toEqual([expect.objectContaining({ path: logged })]);
    });
  });
});
