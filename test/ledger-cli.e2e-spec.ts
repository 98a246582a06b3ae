import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@billing/event-store';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { PostedChargesWriter, type ChargeToPost } from './support/posted-charges';
import { startTestApp } from './support/test-app';

/**
 * The command line (issue 10, item 8; docs/cli.md), run as an operator runs it: a child process
 * (`node -r @swc-node/register apps/billing-api/src/cli/ledger.ts`, what `npm run ledger` runs)
 * against a data folder the service filled, with stdout and stderr as pipes (not a terminal).
 * Each case that edits files works on a copy of that folder.
 */
const ROOT = join(__dirname, '..');
const CLI = ['-r', '@swc-node/register', join(ROOT, 'apps/billing-api/src/cli/ledger.ts')];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ledger(args: string[], options: { env?: NodeJS.ProcessEnv; command?: string[] } = {}): Promise<Run> {
  const env = { ...process.env, ...options.env };
  delete env.LEDGER_DATA_DIR;
  delete env.EVENTSTORE_CONNECTION_STRING;
  delete env.LEDGER_SIGNING_KEY;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const [file, ...rest] = options.command ?? [process.execPath, ...CLI];
    const child = spawn(file, [...rest, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const charges = (from: number, count: number): ChargeToPost[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `ch-${from + i}`,
    itemDate: `2026-11-${String(1 + ((from + i) % 28)).padStart(2, '0')}`,
    quantity: String(1 + (i % 3)),
    unitPrice: `${20 + i}.25`,
    purchaseOrderNumber: null,
    description: `Cable ${from + i}`,
  }));

describe('ledger command line', () => {
  let pristine: string;
  let digest: Record<string, unknown>;
  const scratch: string[] = [];

  /** A copy of the untouched data folder. */
  function copy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-cli-copy-'));
    scratch.push(dir);
    cpSync(pristine, dir, { recursive: true });
    return dir;
  }

  function query<T>(file: string, sql: string): T[] {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    // given: the linked contracts of billing-rules §4, three time entries approved and posted, and
    // 40 charges posted straight to another account's ledger, all through the service, which then stops
    pristine = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    const t = await startTestApp({ dataDir: pristine });
    try {
      await setUpLinkedContracts(t);
      const technician = await t.keyFor('technician');
      for (const [id, workTypeId, hours] of [
        ['te1', 'remote', '2'],
        ['te2', 'onsite', '3.5'],
        ['te3', 'out-of-hours', '1.25'],
      ])
        await logTime(t, technician, { id, accountId: 'acme', workTypeId, dateWorked: '2026-11-10', hoursWorked: hours });
      await t
        .as()
        .post('/api/approve-and-post')
        .send({ itemIds: ['te1', 'te2', 'te3'], postedDate: '2026-11-28' })
        .expect(200);
      await t.as().post('/api/accounts').send({ id: 'globex', name: 'Globex' }).expect(201);
      const writer = new PostedChargesWriter(t.app.get<EventStore>(EVENT_STORE), 'globex');
      await writer.post(charges(0, 25));
      await writer.post(charges(25, 15));
      await t.caughtUp();
      digest = (await t.as().get('/api/audit/digest').expect(200)).body;
    } finally {
      await t.dispose();
    }
  }, 120_000);

  afterAll(() => {
    for (const dir of [pristine, ...scratch]) rmSync(dir, { recursive: true, force: true });
  });

  const storeFile = (dir: string) => join(dir, 'ledger.sqlite');
  const readModels = (dir: string) => join(dir, 'read-models.sqlite');

  it('npm run ledger -- --help lists the four commands', async () => {
    // when: the npm script is asked for help
    const run = await ledger(['--help'], { command: ['npm', 'run', '-s', 'ledger', '--'] });

    // then: the help, exit 0
    expect(run.code).toBe(0);
    for (const command of ['replay', 'verify', 'export-events', 'stats']) expect(run.stdout).toContain(command);
  }, 60_000);

  describe('replay', () => {
    it('finds no difference in a consistent data folder, and compares every read model with rows in it', async () => {
      // when
      const run = await ledger(['--data-dir', pristine, 'replay', '--json']);

      // then: exit 0, nothing different, and the comparison did look at rows
      expect(run.stderr).not.toMatch(/error/);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ ok: true, differences: 0, problems: [], firstDifferences: [], liveBehindBy: '0' });
      const head = query<{ head: number }>(storeFile(pristine), 'SELECT MAX(position) AS head FROM events')[0].head;
      expect(report.storeHeadPosition).toBe(String(head));
      expect(report.replayedTo).toEqual([{ position: String(head), projections: expect.arrayContaining(['billing-items', 'contract-balances']) }]);
      const billingItems = query<{ n: number }>(readModels(pristine), 'SELECT COUNT(*) AS n FROM billing_items')[0].n;
      expect(billingItems).toBeGreaterThanOrEqual(43);
      expect(report.rows.live).toBe(report.rows.replayed);
      expect(report.rows.live).toBeGreaterThan(billingItems);
      expect(report.tablesCompared).toBeGreaterThanOrEqual(30);
    }, 60_000);

    it('reports a row changed by hand in the live read models (table, key, column) and one deleted, with exit 1', async () => {
      // given: one billing item's amount changed and another's row deleted in the live file
      const dir = copy();
      const db = new Database(readModels(dir));
      expect(db.prepare("UPDATE billing_items SET amount_cents = amount_cents + 1 WHERE id = 'bi-ch-7-1'").run().changes).toBe(1);
      expect(db.prepare("DELETE FROM billing_items WHERE id = 'bi-ch-30-1'").run().changes).toBe(1);
      db.close();

      // when
      const run = await ledger(['--data-dir', dir, 'replay', '--json']);
      const text = await ledger(['--data-dir', dir, 'replay']);

      // then: exactly those two rows, by table and key
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.differences).toBe(2);
      expect(report.firstDifferences).toEqual([
        { table: 'billing_items', key: { id: "'bi-ch-30-1'" }, kind: 'only-in-replay' },
        {
          table: 'billing_items',
          key: { id: "'bi-ch-7-1'" },
          kind: 'changed',
          columns: [{ column: 'amount_cents', live: expect.any(String), replayed: expect.any(String) }],
        },
      ]);
      const [{ live, replayed }] = report.firstDifferences[1].columns;
      expect(Number(live) - Number(replayed)).toBe(1);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain("billing_items (id='bi-ch-7-1'): amount_cents live");
      expect(text.stdout).toContain("billing_items (id='bi-ch-30-1'): missing from the live file");
    }, 60_000);

    it('compares a live file that is behind the store only up to where it stands, and keeps the rebuilt file with --out', async () => {
      // given: 10 more charges appended to the store while no service runs (the read models stay behind)
      const dir = copy();
      const before = query<{ head: number }>(storeFile(dir), 'SELECT MAX(position) AS head FROM events')[0].head;
      const store = new SqliteEventStore({ filename: storeFile(dir) });
      const writer = new PostedChargesWriter(store, 'late');
      await writer.post(charges(100, 10));
      await store.close();
      const out = join(dir, 'rebuilt.sqlite');

      // when
      const run = await ledger(['--data-dir', dir, 'replay', '--json', '--out', out]);

      // then: no difference; the replay stopped where the live file stands (so the late charges are in neither)
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ ok: true, differences: 0, storeHeadPosition: String(before + 10), liveBehindBy: '10', out });
      expect(report.replayedTo.map((t: { position: string }) => t.position)).toEqual([String(before)]);
      expect(query<{ n: number }>(out, "SELECT COUNT(*) AS n FROM billing_items WHERE account_id = 'late'")[0].n).toBe(0);
      expect(query<{ n: number }>(out, 'SELECT COUNT(*) AS n FROM billing_items')[0].n).toBeGreaterThan(40);
    }, 60_000);
  });

  describe('verify', () => {
    it('passes on the untouched store and with the digest kept from the service', async () => {
      // given: the digest saved from GET /api/audit/digest
      const file = join(copy(), 'digest.json');
      writeFileSync(file, JSON.stringify(digest));

      // when
      const run = await ledger(['--data-dir', pristine, 'verify', '--digest', file, '--json']);

      // then
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      const counts = query<{ events: number; streams: number }>(
        storeFile(pristine),
        'SELECT COUNT(*) AS events, COUNT(DISTINCT stream_id) AS streams FROM events',
      )[0];
      expect(report.chains).toMatchObject({ ok: true, eventsChecked: counts.events, streams: counts.streams, breaks: 0 });
      expect(report.digest).toMatchObject({ valid: true, signatureValid: true, storeMatches: true, signedByThisLedger: true });
    }, 60_000);

    it('fails with exit 1 after an event’s data is edited by hand, naming the stream and revision, and the kept digest no longer matches', async () => {
      // given: the block purchase's hours changed from 10 to 11 in the store file
      const dir = copy();
      const db = new Database(storeFile(dir));
      const target = db
        .prepare("SELECT position, revision FROM events WHERE stream_id = 'contract-acme-blk' AND json_extract(data, '$.hours') = '10'")
        .get() as {
        position: number;
        revision: number;
      };
      expect(db.prepare(`UPDATE events SET data = json_set(data, '$.hours', '11') WHERE position = ?`).run(target.position).changes).toBe(1);
      db.close();
      const file = join(dir, 'digest.json');
      writeFileSync(file, JSON.stringify(digest));

      // when
      const run = await ledger(['--data-dir', dir, 'verify', '--digest', file]);
      const json = JSON.parse((await ledger(['--data-dir', dir, 'verify', '--json'])).stdout);

      // then
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`first break: contract-acme-blk revision ${target.revision} (position ${target.position}): hash-mismatch`);
      expect(run.stdout).toContain('the store does NOT match the digest');
      expect(run.stdout).toContain('NOT verified');
      expect(json.chains.firstBreak).toMatchObject({ streamId: 'contract-acme-blk', revision: String(target.revision), reason: 'hash-mismatch' });
    }, 60_000);
  });

  describe('export-events', () => {
    it('writes one published event per line, in global order, every event of the store', async () => {
      // when
      const run = await ledger(['--data-dir', pristine, 'export-events']);

      // then: one valid JSON object per line, as many as events, positions 1, 2, 3, … with the stored types
      expect(run.code).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      const events = run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const stored = query<{ position: number; type: string; stream_id: string }>(
        storeFile(pristine),
        'SELECT position, type, stream_id FROM events ORDER BY position',
      );
      expect(events.map((e) => [e.position, e.type, e.streamId])).toEqual(stored.map((s) => [String(s.position), s.type, s.stream_id]));
      const posted = events.find((e) => e.type === 'ItemPosted');
      expect(posted).toMatchObject({ category: 'ledger', streamId: 'ledger-acme', schemaVersion: expect.any(Number), metadata: { actor: expect.any(String) } });
      expect(posted.metadata.schemaVersion).toBeUndefined();
    }, 60_000);

    it('filters by position (exclusive), type and category, and writes the same lines to --out', async () => {
      const stored = query<{ position: number; type: string; stream_id: string }>(
        storeFile(pristine),
        'SELECT position, type, stream_id FROM events ORDER BY position',
      );
      const lines = (run: Run) =>
        run.stdout
          .trimEnd()
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as { position: string; type: string; streamId: string; category: string });

      // when: after position 10
      const after = await ledger(['--data-dir', pristine, 'export-events', '--from-position', '10']);
      // then
      expect(lines(after).map((e) => e.position)).toEqual(stored.filter((s) => s.position > 10).map((s) => String(s.position)));

      // when: only ItemPosted and ItemApproved
      const types = await ledger(['--data-dir', pristine, 'export-events', '--types', 'ItemPosted,ItemApproved']);
      // then
      const expectedTypes = stored.filter((s) => s.type === 'ItemPosted' || s.type === 'ItemApproved');
      expect(expectedTypes.length).toBeGreaterThan(40);
      expect(lines(types).map((e) => e.position)).toEqual(expectedTypes.map((s) => String(s.position)));

      // when: only the contract streams, after position 5
      const contracts = await ledger(['--data-dir', pristine, 'export-events', '--category', 'contract', '--from-position', '5']);
      // then
      const expectedContracts = stored.filter((s) => s.stream_id.startsWith('contract-') && s.position > 5);
      expect(expectedContracts.length).toBeGreaterThan(2);
      expect(lines(contracts).map((e) => [e.position, e.category])).toEqual(expectedContracts.map((s) => [String(s.position), 'contract']));

      // when: to a file
      const file = join(copy(), 'events.ndjson');
      const toFile = await ledger(['--data-dir', pristine, 'export-events', '--types', 'ItemPosted,ItemApproved', '--out', file]);
      // then: the same lines, no leftover partial file, nothing on stdout
      expect(toFile.code).toBe(0);
      expect(toFile.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(types.stdout);
      expect(existsSync(`${file}.partial`)).toBe(false);
    }, 90_000);
  });

  it('stats counts the events, the streams by category, the events by type, and the projections’ positions and lag', async () => {
    // given: a copy whose store is 10 events ahead of its read models
    const dir = copy();
    const store = new SqliteEventStore({ filename: storeFile(dir) });
    await new PostedChargesWriter(store, 'late').post(charges(200, 10));
    await store.close();

    // when
    const run = await ledger(['--data-dir', dir, 'stats', '--json']);

    // then: the counts of SQL over the same file
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    const file = storeFile(dir);
    const [totals] = query<{ events: number; streams: number; head: number }>(
      file,
      'SELECT COUNT(*) AS events, COUNT(DISTINCT stream_id) AS streams, MAX(position) AS head FROM events',
    );
    const byType = Object.fromEntries(
      query<{ type: string; n: number }>(file, 'SELECT type, COUNT(*) AS n FROM events GROUP BY type').map((r) => [r.type, r.n]),
    );
    const byCategory = Object.fromEntries(
      query<{ category: string; n: number }>(
        file,
        "SELECT CASE WHEN instr(stream_id, '-') > 0 THEN substr(stream_id, 1, instr(stream_id, '-') - 1) ELSE stream_id END AS category, COUNT(DISTINCT stream_id) AS n FROM events GROUP BY 1",
      ).map((r) => [r.category, r.n]),
    );
    expect(stats).toMatchObject({
      events: totals.events,
      streams: totals.streams,
      headPosition: String(totals.head),
      eventsByType: byType,
      streamsByCategory: byCategory,
    });
    expect(stats.store).toMatchObject({ kind: 'sqlite', bytes: expect.any(Number) });
    expect(stats.store.bytes).toBeGreaterThan(0);
    expect(stats.readModels.bytes).toBeGreaterThan(0);
    const checkpoints = query<{ name: string; position: number }>(readModels(dir), 'SELECT name, position FROM projection_checkpoints');
    expect(checkpoints.length).toBeGreaterThan(10);
    for (const checkpoint of checkpoints) {
      const projection = stats.readModels.projections.find((p: { name: string }) => p.name === checkpoint.name);
      expect(projection).toMatchObject({ position: String(checkpoint.position), lag: String(totals.head - checkpoint.position) });
    }
    expect(stats.readModels.projections.find((p: { name: string }) => p.name === 'billing-items').lag).toBe('10');
    expect(stats.otherFiles).toHaveProperty(['signing-key.pem']);
  }, 60_000);

  describe('bad options and missing data: exit 2 with one clear line', () => {
    const cases: [string, () => string[], RegExp][] = [
      ['an unknown command', () => ['--data-dir', pristine, 'rebuild'], /unknown command 'rebuild'/],
      ['an unknown option', () => ['--data-dir', pristine, 'stats', '--verbose'], /unknown option '--verbose'/],
      ['a negative position', () => ['--data-dir', pristine, 'export-events', '--from-position', '-1'], /--from-position/],
      ['a type with a space', () => ['--data-dir', pristine, 'export-events', '--types', 'Item Posted'], /"Item Posted" is not an event type/],
      ['a limit of 0', () => ['--data-dir', pristine, 'replay', '--limit', '0'], /--limit/],
      ['a missing data folder', () => ['--data-dir', join(pristine, 'nowhere'), 'stats'], /no data folder at .*nowhere/],
      ['a data folder without a store', () => ['--data-dir', copyWithout('ledger.sqlite'), 'verify'], /no event store in/],
      ['a data folder without read models, for replay', () => ['--data-dir', copyWithout('read-models.sqlite'), 'replay'], /no read models in/],
      ['a missing digest file', () => ['--data-dir', pristine, 'verify', '--digest', join(pristine, 'none.json')], /cannot read the digest .*ENOENT/],
      ['a digest that is not JSON', () => ['--data-dir', pristine, 'verify', '--digest', join(pristine, 'ledger.sqlite')], /is not JSON/],
      ['a replay --out that exists', () => ['--data-dir', pristine, 'replay', '--out', join(pristine, 'ledger.sqlite')], /already exists/],
    ];

    function copyWithout(name: string): string {
      const dir = copy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, name + suffix), { force: true });
      return dir;
    }

    it.each(cases)(
      '%s',
      async (_name, args, message) => {
        // when
        const run = await ledger(args());

        // then: exit 2, one line on stderr that starts with "error:", nothing on stdout
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^error: /);
        expect(lines[0]).toMatch(message);
      },
      60_000,
    );
  });

  it('writes plain progress lines without terminal control codes when stderr is not a terminal', async () => {
    // when: the long commands run with pipes for stdout and stderr
    const runs = await Promise.all([
      ledger(['--data-dir', pristine, 'replay']),
      ledger(['--data-dir', pristine, 'verify']),
      ledger(['--data-dir', pristine, 'stats']),
      ledger(['--data-dir', pristine, 'export-events', '--out', join(copy(), 'x.ndjson')]),
    ]);

    // then: each wrote its progress as plain lines (a start and an end), and no byte of either stream is a control code
    for (const [run, label] of runs.map((r, i) => [r, ['replay', 'verify', 'stats', 'export-events'][i]] as const)) {
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`^${label}: started .*\\n(.*\\n)*${label}: done, `));
      // eslint-disable-next-line no-control-regex
      expect(run.stderr + run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    // and --no-progress writes none
    expect((await ledger(['--data-dir', pristine, '--no-progress', 'stats'])).stderr).toBe('');
  }, 90_000);
});
