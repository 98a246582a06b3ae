/*
 * Approve & Post benchmark: the real service (createApp, embedded SQLite store) in this process,
 * on fresh temporary data folders, driven over HTTP with supertest.
 *
 *   npm run bench:posting              # 100 accounts × 100 time entries
 *   npm run -s bench:posting > out.json   # -s: only the JSON on stdout (progress goes to stderr)
 *
 * Two runs, each on its own fresh data folder with the same setup and the same entries:
 *   A. the 10,000 entries posted in ONE request;
 *   B. the same posted in 100 sequential requests of 100 items, taken in order of date worked (as
 *      finance would post a period), so that each request spans most of the 100 ledgers.
 * Each run: setup (100 accounts with the linked contracts of billing-rules §4: Recurring default →
 * Block Hours with a 30-hour purchase → T&M), logging through POST /api/time-entries with 16
 * requests in flight, the preview (GET /api/approve-and-post), posting, then the latency of the read
 * models (dashboard, contract balances), sequential requests, each timed from sending to the last
 * byte of its answer (the client parses and checks the JSON after the clock stops). Requests go
 * over a loopback port with keep-alive connections; the client shares the process and its CPU
 * with the service. Every
 * answer's status is checked (the run stops with the body otherwise), and every entry must be
 * posted exactly once. Peak RSS is the whole process's (it includes the SWC compiler of
 * @swc-node/register, the supertest client and both runs); each run also reports its own.
 *
 * Environment (for quick trials only; the targets are for the defaults):
 *   BENCH_ACCOUNTS            accounts (default 100)
 *   BENCH_ENTRIES_PER_ACCOUNT time entries per account (default 100)
 *   BENCH_CONCURRENCY         logging requests in flight (default 16)
 *   BENCH_QUERY_REQUESTS      requests per query variant (default 200)
 *   BENCH_KEEP_DATA=1         keep both runs' data folders (their paths go to stderr), e.g. for
 *                             `npm run ledger -- --data-dir <folder> replay`
 *   BENCH_PHASE_MARKS=1       phase boundaries on stderr (monotonic µs), to slice a profile taken with
 *                             node --cpu-prof -r @swc-node/register bench/posting.bench.ts
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { setUpLinkedContracts } from '../test/support/msp-fixture';
import { startTestApp, type TestApp } from '../test/support/test-app';
import { startTimerRssSampler } from './support/memory';
import { mb, percentiles, perSecond, positiveInt, round, type Percentiles } from './support/numbers';
import { pool } from './support/pool';
import { progressLog } from './support/progress';
import { msSince, now } from './support/timing';

const ACCOUNTS = positiveInt(process.env.BENCH_ACCOUNTS, 100);
const ENTRIES_PER_ACCOUNT = positiveInt(process.env.BENCH_ENTRIES_PER_ACCOUNT, 100);
const CONCURRENCY = positiveInt(process.env.BENCH_CONCURRENCY, 16);
const QUERY_REQUESTS = positiveInt(process.env.BENCH_QUERY_REQUESTS, 200);
const SETUP_CONCURRENCY = 8;
const QUERY_WARMUP = 10;
const BATCH_SIZE = 100;
const BLOCK_HOURS = '30';
const POSTED_DATE = '2026-11-30';
const TOTAL = ACCOUNTS * ENTRIES_PER_ACCOUNT;

const TARGETS = { postOneBatchMs: 5000, queryP99Ms: 20 };

const log = progressLog('bench:posting');
/** With BENCH_PHASE_MARKS=1, phase boundaries go to stderr on the monotonic clock (µs), the clock of a .cpuprofile's timestamps, to slice a profile by phase. */
const mark = (phase: string, edge: 'start' | 'end') => {
  if (process.env.BENCH_PHASE_MARKS === '1') log(`mark ${phase} ${edge} ${process.hrtime.bigint() / 1000n}`);
};
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  mark(name, 'start');
  try {
    return await work();
  } finally {
    mark(name, 'end');
  }
}

// ---------------------------------------------------------------------------------------------
// Memory sampling
// ---------------------------------------------------------------------------------------------

/** The whole process's peak, and (its window restarted when a run starts) the current run's. */
const rss = startTimerRssSampler(50);

// ---------------------------------------------------------------------------------------------
// HTTP helpers: every answer is checked; a refusal stops the run with its body
// ---------------------------------------------------------------------------------------------

/**
 * superagent opens a new connection per request unless given an agent; real clients keep their
 * connections alive, so every request of the benchmark goes through one keep-alive agent.
 */
const keepAliveAgent = () => new Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, SETUP_CONCURRENCY) });

/** The test app with every request sent through the keep-alive agent (also those of the shared fixture). */
function withKeepAlive(t: TestApp, keepAlive: Agent): TestApp {
  return {
    ...t,
    as: (key) => {
      const as = t.as(key);
      return {
        get: (url) => as.get(url).agent(keepAlive),
        post: (url) => as.post(url).agent(keepAlive),
        put: (url) => as.put(url).agent(keepAlive),
        patch: (url) => as.patch(url).agent(keepAlive),
        delete: (url) => as.delete(url).agent(keepAlive),
      };
    },
  };
}

function check(res: Response, what: string, expected: number[] = [200, 201]): Response {
  if (!expected.includes(res.status)) {
    const body = JSON.stringify(res.body ?? res.text);
    throw new Error(`${what} → ${res.status} (expected ${expected.join('/')}): ${body.length > 4000 ? `${body.slice(0, 4000)}…` : body}`);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// The workload: deterministic, the same for both runs
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so both runs log the very same entries. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Entry {
  id: string;
  accountId: string;
  resourceId: string;
  roleId: string;
  workTypeId: string;
  dateWorked: string;
  hoursWorked: string;
  startTime?: string;
  summary?: string;
}

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => `acct-${String(i + 1).padStart(3, '0')}`);
const HOURS = ['0.25', '0.5', '0.75', '1', '1.25', '1.5', '2', '2.5', '3', '4'];

function makeEntries(): Entry[] {
  const random = generator(20261101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const entries: Entry[] = [];
  // Round robin over accounts, as many technicians of many customers would log.
  for (let n = 0; n < ENTRIES_PER_ACCOUNT; n++) {
    for (const [a, accountId] of accountIds.entries()) {
      const r = random();
      // 40 % remote (stays on the recurring contract), 35 % onsite (the block, then overage), 25 % out of hours (T&M)
      const workTypeId = r < 0.4 ? 'remote' : r < 0.75 ? 'onsite' : 'out-of-hours';
      const day = 1 + Math.floor(random() * 30);
      const dateWorked = `2026-11-${String(day).padStart(2, '0')}`;
      const entry: Entry = {
        id: `te-${accountId}-${String(n).padStart(3, '0')}`,
        accountId,
        resourceId: `tech-${String((a + n) % 20).padStart(2, '0')}`,
        roleId: 'engineer',
        workTypeId,
        dateWorked,
        hoursWorked: pick(HOURS),
      };
      if (random() < 0.3) {
        const hour = workTypeId === 'out-of-hours' ? 18 + Math.floor(random() * 5) : 8 + Math.floor(random() * 9);
        entry.startTime = `${dateWorked}T${String(hour).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}:00Z`;
      }
      if (random() < 0.5) entry.summary = `Ticket work ${n} for ${accountId}`;
      entries.push(entry);
    }
  }
  return entries;
}

const ENTRIES = makeEntries();
/** Posting order of the batched run: by date worked, as finance would post a period, so a request spans many ledgers. */
const ENTRY_IDS_BY_DATE = [...ENTRIES]
  .sort((x, y) => x.dateWorked.localeCompare(y.dateWorked) || (x.startTime ?? '').localeCompare(y.startTime ?? '') || x.id.localeCompare(y.id))
  .map((e) => e.id);

// ---------------------------------------------------------------------------------------------
// One run on a fresh data folder
// ---------------------------------------------------------------------------------------------

interface BillingItem {
  id: string;
  sourceItemId: string;
  type: string;
  covered: boolean;
}

interface Phase {
  durationMs: number;
  [key: string]: unknown;
}

async function waitForProjections(t: TestApp, what: string): Promise<number> {
  const started = now();
  for (;;) {
    const res = check(await t.as().get('/health'), `${what}: GET /health`, [200, 503]);
    const lag = (res.body.projections as { lag: string; state: string }[]).reduce((m, p) => Math.max(m, Number(p.lag)), 0);
    const failed = (res.body.projections as { name: string; state: string; error?: string }[]).find((p) => p.state === 'failed');
    if (failed) throw new Error(`${what}: projection ${failed.name} failed: ${failed.error}`);
    if (lag === 0 && res.status === 200) return round(msSince(started), 1);
    if (msSince(started) > 120_000) throw new Error(`${what}: projections still ${lag} events behind after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function setUp(t: TestApp): Promise<Phase & { blockContracts: string[] }> {
  const started = now();
  const first = await setUpLinkedContracts(t, { accountId: accountIds[0], blockHours: BLOCK_HOURS });
  const rest = await pool(accountIds.slice(1), SETUP_CONCURRENCY, (accountId) => setUpLinkedContracts(t, { accountId, blockHours: BLOCK_HOURS }));
  const durationMs = msSince(started);
  return {
    durationMs: round(durationMs, 1),
    accounts: ACCOUNTS,
    requests: ACCOUNTS * 9,
    concurrency: SETUP_CONCURRENCY,
    blockHoursPerAccount: Number(BLOCK_HOURS),
    requestsPerSecond: perSecond(ACCOUNTS * 9, durationMs),
    blockContracts: [first, ...rest].map((ids) => ids.blk),
  };
}

/** Each technician logs its own time with its own key (a key acts for one person). */
async function logEntries(t: TestApp, technicianKeys: ReadonlyMap<string, string>): Promise<Phase> {
  const latencies: number[] = new Array(ENTRIES.length);
  const routedTo = { recurring: 0, block: 0, timeAndMaterials: 0 };
  const started = now();
  await pool(ENTRIES, CONCURRENCY, async (entry, i) => {
    const sent = now();
    const res = check(await t.as(technicianKeys.get(entry.resourceId)).post('/api/time-entries').send(entry), `POST /api/time-entries ${entry.id}`, [201]);
    latencies[i] = msSince(sent);
    const contractId = res.body.contractId as string | null;
    if (contractId === `${entry.accountId}-rec`) routedTo.recurring++;
    else if (contractId === `${entry.accountId}-blk`) routedTo.block++;
    else if (contractId === `${entry.accountId}-tm`) routedTo.timeAndMaterials++;
    else throw new Error(`${entry.id} (${entry.workTypeId}) routed to ${contractId}`);
  });
  const durationMs = msSince(started);
  return {
    durationMs: round(durationMs, 1),
    entries: ENTRIES.length,
    concurrency: CONCURRENCY,
    entriesPerSecond: perSecond(ENTRIES.length, durationMs),
    withStartTime: ENTRIES.filter((e) => e.startTime).length,
    routedTo,
    requestLatencyMs: percentiles(latencies),
  };
}

/** The preview's largest page; each page is rated as one posting of that page. */
const PREVIEW_PAGE_SIZE = 10_000;

async function preview(t: TestApp): Promise<Phase> {
  type Previewed = { sourceItemId: string; sourceType: string; preview: { covered: boolean; overage: boolean } | null; error: string | null };
  const started = now();
  const items: Previewed[] = [];
  let responseBytes = 0;
  for (let offset = 0, total = 1; offset < total; offset += PREVIEW_PAGE_SIZE) {
    const res = check(await t.as().get(`/api/approve-and-post?limit=${PREVIEW_PAGE_SIZE}&offset=${offset}`), 'GET /api/approve-and-post');
    items.push(...(res.body.items as Previewed[]));
    total = res.body.total as number;
    responseBytes += res.text.length;
  }
  const durationMs = msSince(started);
  const entries = items.filter((i) => i.sourceType === 'TIME_ENTRY');
  const byId = new Set(entries.map((i) => i.sourceItemId));
  const missing = ENTRIES.filter((e) => !byId.has(e.id));
  if (missing.length) throw new Error(`preview: ${missing.length} logged entries are not listed (first ${missing[0].id})`);
  const errors = items.filter((i) => i.error !== null || i.preview === null);
  if (errors.length) throw new Error(`preview: ${errors.length} items cannot be rated (first: ${JSON.stringify(errors[0])})`);
  return {
    durationMs: round(durationMs, 1),
    items: items.length,
    timeEntries: entries.length,
    otherItems: items.length - entries.length,
    itemsPerSecond: perSecond(items.length, durationMs),
    previewOverage: entries.filter((i) => i.preview?.overage).length,
    previewCovered: entries.filter((i) => i.preview?.covered).length,
    pages: Math.ceil(items.length / PREVIEW_PAGE_SIZE),
    responseBytes,
  };
}

function summarisePosted(posted: BillingItem[], ids: readonly string[]) {
  const sources = new Set(posted.map((i) => i.sourceItemId));
  const expected = new Set(ids);
  const unexpected = [...sources].filter((id) => !expected.has(id));
  const notPosted = ids.filter((id) => !sources.has(id));
  if (sources.size !== TOTAL || unexpected.length || notPosted.length)
    throw new Error(
      `posted ${sources.size} source items, expected ${TOTAL} (not posted: ${notPosted.slice(0, 5).join(', ')}; unexpected: ${unexpected.slice(0, 5).join(', ')})`,
    );
  const byType: Record<string, number> = {};
  for (const item of posted) byType[item.type] = (byType[item.type] ?? 0) + 1;
  const partsBySource = new Map<string, number>();
  for (const item of posted) partsBySource.set(item.sourceItemId, (partsBySource.get(item.sourceItemId) ?? 0) + 1);
  return {
    postedSourceItems: sources.size,
    billingItems: posted.length,
    billingItemsByType: byType,
    splitEntries: [...partsBySource.values()].filter((n) => n > 1).length,
    coveredItems: posted.filter((i) => i.covered).length,
  };
}

async function postOneBatch(t: TestApp): Promise<Phase> {
  const ids = ENTRIES.map((e) => e.id);
  mark('one-batch:post-request', 'start');
  const started = now();
  const res = check(
    await t.as().post('/api/approve-and-post').send({ itemIds: ids, postedDate: POSTED_DATE }),
    'POST /api/approve-and-post (one batch)',
    [200],
  );
  const durationMs = msSince(started);
  mark('one-batch:post-request', 'end');
  const projectionCatchUpMs = await waitForProjections(t, 'after posting');
  return {
    mode: 'one request',
    requests: 1,
    durationMs: round(durationMs, 1),
    itemsPerSecond: perSecond(ids.length, durationMs),
    ...summarisePosted(res.body.posted as BillingItem[], ids),
    responseBytes: res.text.length,
    projectionCatchUpAfterAnswerMs: projectionCatchUpMs,
  };
}

async function postInBatches(t: TestApp): Promise<Phase> {
  const posted: BillingItem[] = [];
  const latencies: number[] = [];
  const started = now();
  for (let i = 0; i < ENTRY_IDS_BY_DATE.length; i += BATCH_SIZE) {
    const itemIds = ENTRY_IDS_BY_DATE.slice(i, i + BATCH_SIZE);
    const sent = now();
    const res = check(
      await t.as().post('/api/approve-and-post').send({ itemIds, postedDate: POSTED_DATE }),
      `POST /api/approve-and-post (batch ${i / BATCH_SIZE + 1})`,
      [200],
    );
    latencies.push(msSince(sent));
    posted.push(...(res.body.posted as BillingItem[]));
  }
  const durationMs = msSince(started);
  const projectionCatchUpMs = await waitForProjections(t, 'after posting');
  return {
    mode: `${Math.ceil(ENTRY_IDS_BY_DATE.length / BATCH_SIZE)} sequential requests of ${BATCH_SIZE} items (ordered by date worked)`,
    requests: latencies.length,
    durationMs: round(durationMs, 1),
    itemsPerSecond: perSecond(ENTRY_IDS_BY_DATE.length, durationMs),
    ...summarisePosted(posted, ENTRY_IDS_BY_DATE),
    requestLatencyMs: percentiles(latencies),
    projectionCatchUpAfterLastAnswerMs: projectionCatchUpMs,
  };
}

async function queryLatencies(t: TestApp, blockContracts: string[]) {
  const random = generator(42);
  const pickAccount = () => accountIds[Math.floor(random() * accountIds.length)];
  const variants: [string, () => string, (body: Record<string, unknown>) => void][] = [
    ['GET /health (HTTP + client floor)', () => '/health', () => undefined],
    [
      'GET /api/dashboard/unbilled?limit=1000',
      () => '/api/dashboard/unbilled?limit=1000',
      (body) => {
        if ((body.items as unknown[]).length !== Math.min(1000, body.total as number))
          throw new Error(`dashboard: ${(body.items as unknown[]).length} items of ${body.total}`);
      },
    ],
    [
      'GET /api/dashboard/unbilled?accountId=<random>',
      () => `/api/dashboard/unbilled?accountId=${pickAccount()}`,
      (body) => void ((body.total as number) > 0 || fail('dashboard of one account is empty')),
    ],
    [
      'GET /api/dashboard/unbilled?stage=AWAITING_INVOICE&limit=100',
      () => '/api/dashboard/unbilled?stage=AWAITING_INVOICE&limit=100',
      (body) => void ((body.items as unknown[]).length === 100 || fail('awaiting invoice: not 100 items')),
    ],
    [
      'GET /api/contracts/<random block>/balance',
      () => `/api/contracts/${blockContracts[Math.floor(random() * blockContracts.length)]}/balance`,
      (body) => void (body.type === 'BLOCK_HOURS' || fail(`balance: ${JSON.stringify(body)}`)),
    ],
  ];
  const results: Record<string, Percentiles & { responseBytes: number }> = {};
  for (const [name, url, validate] of variants) {
    let bytes = 0;
    for (let i = 0; i < QUERY_WARMUP; i++) check(await t.as().get(url()), `${name} (warm-up)`);
    const samples: number[] = [];
    for (let i = 0; i < QUERY_REQUESTS; i++) {
      const target = url();
      const sent = now();
      // The clock stops at the answer's last byte; the client parses and checks it afterwards.
      const res = check(await t.as().get(target).buffer(true).parse(asText), `GET ${target}`);
      samples.push(msSince(sent));
      const text = res.body as string;
      validate(JSON.parse(text) as Record<string, unknown>);
      bytes = text.length;
    }
    results[name] = { ...percentiles(samples), responseBytes: bytes };
  }
  return results;
}

/** A superagent parser that keeps the body as text: parsing JSON is the client's work, not the service's latency. */
function asText(res: unknown, done: (error: Error | null, body: string) => void): void {
  const stream = res as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}

function fail(message: string): never {
  throw new Error(message);
}

function fileSizes(dataDir: string) {
  const size = (name: string) => {
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        total += statSync(join(dataDir, name + suffix)).size;
      } catch {
        // absent
      }
    }
    return mb(total);
  };
  return { ledgerSqliteMb: size('ledger.sqlite'), readModelsSqliteMb: size('read-models.sqlite') };
}

async function run(mode: 'one-batch' | 'batches', folders: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), `ledger-bench-${mode}-`));
  folders.push(dataDir);
  const runStarted = now();
  const rssAtStartMb = mb(process.memoryUsage().rss);
  rss.restartWindow();
  const startStarted = now();
  const started = await startTestApp({ dataDir });
  const keepAlive = keepAliveAgent();
  const t = withKeepAlive(started, keepAlive);
  try {
    // Listen on a loopback port ourselves: supertest then reuses it instead of opening and
    // closing a listener around every request (and it allows requests in flight at once).
    await t.app.listen(0, '127.0.0.1');
    const appStartMs = round(msSince(startStarted), 1);
    const technicianKeys = new Map<string, string>();
    for (const resourceId of new Set(ENTRIES.map((e) => e.resourceId))) technicianKeys.set(resourceId, await t.keyFor('technician', resourceId));
    log(`${mode}: app started in ${appStartMs} ms on ${dataDir}`);

    const setup = await phase(`${mode}:setup`, () => setUp(t));
    log(`${mode}: setup ${setup.durationMs} ms`);
    const logging = await phase(`${mode}:logging`, () => logEntries(t, technicianKeys));
    log(`${mode}: logged ${logging.entries} entries in ${logging.durationMs} ms (${logging.entriesPerSecond}/s)`);
    const catchUpAfterLoggingMs = await waitForProjections(t, 'after logging');
    const previewed = await phase(`${mode}:preview`, () => preview(t));
    log(`${mode}: preview of ${previewed.items} items in ${previewed.durationMs} ms`);
    const posting = await phase(`${mode}:posting`, () => (mode === 'one-batch' ? postOneBatch(t) : postInBatches(t)));
    log(`${mode}: posted ${posting.postedSourceItems} items in ${posting.durationMs} ms (${posting.itemsPerSecond}/s)`);
    const queryStarted = now();
    const queries = await phase(`${mode}:queries`, () => queryLatencies(t, setup.blockContracts));
    const queriesMs = round(msSince(queryStarted), 1);
    log(`${mode}: queries in ${queriesMs} ms`);
    const health = check(await t.as().get('/health'), 'GET /health');
    const { blockContracts: _blockContracts, ...setupReport } = setup;
    return {
      dataFiles: fileSizes(dataDir),
      events: Number(health.body.store.headPosition),
      appStartMs,
      setup: setupReport,
      logging: { ...logging, projectionCatchUpAfterLastAnswerMs: catchUpAfterLoggingMs },
      preview: previewed,
      posting,
      queries: { durationMs: queriesMs, requestsPerVariant: QUERY_REQUESTS, warmUpPerVariant: QUERY_WARMUP, sequential: true, latencyMs: queries },
      memory: { rssAtStartMb, peakSampledRssMb: mb(rss.windowPeak), rssAtEndMb: mb(process.memoryUsage().rss) },
      totalMs: round(msSince(runStarted), 1),
    };
  } finally {
    keepAlive.destroy(); // idle keep-alive sockets would hold the server's close
    await started.close();
  }
}

async function main() {
  const started = now();
  const folders: string[] = [];
  const removeFolders = () => {
    if (process.env.BENCH_KEEP_DATA === '1') return log(`data folders kept: ${folders.join(', ')}`);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    removeFolders();
    process.exit(130);
  });
  try {
    log(`${ACCOUNTS} accounts × ${ENTRIES_PER_ACCOUNT} entries = ${TOTAL} entries; logging concurrency ${CONCURRENCY}`);
    const oneBatch = await run('one-batch', folders);
    const batches = await run('batches', folders);
    const queryP99s = [oneBatch, batches].flatMap((r) =>
      Object.entries(r.queries.latencyMs)
        .filter(([name]) => !name.startsWith('GET /health'))
        .map(([, l]) => l.p99),
    );
    const worstQueryP99 = Math.max(...queryP99s);
    const peakSampledRssMb = mb(Math.max(rss.peak, process.memoryUsage().rss));
    const result = {
      benchmark: 'approve-and-post',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryMb: mb(totalmem()),
      workload: {
        accounts: ACCOUNTS,
        entriesPerAccount: ENTRIES_PER_ACCOUNT,
        entries: TOTAL,
        workTypes: Object.fromEntries(['remote', 'onsite', 'out-of-hours'].map((w) => [w, ENTRIES.filter((e) => e.workTypeId === w).length])),
        hoursLogged: round(
          ENTRIES.reduce((s, e) => s + Number(e.hoursWorked), 0),
          2,
        ),
        dates: 'November 2026',
        blockHoursPerAccount: Number(BLOCK_HOURS),
        postedDate: POSTED_DATE,
        transport: 'supertest over a loopback port of the in-process app, keep-alive connections (client and server share the event loop and its CPU)',
      },
      targets: {
        postTenThousandInOneRequest: {
          targetMs: TARGETS.postOneBatchMs,
          measuredMs: oneBatch.posting.durationMs,
          met: oneBatch.posting.durationMs < TARGETS.postOneBatchMs,
        },
        queryP99: {
          targetMs: TARGETS.queryP99Ms,
          worstMeasuredMs: worstQueryP99,
          met: worstQueryP99 < TARGETS.queryP99Ms,
          byQuery: Object.fromEntries(
            Object.keys(oneBatch.queries.latencyMs)
              .filter((name) => !name.startsWith('GET /health'))
              .map((name) => {
                const p99 = { afterOneBatch: oneBatch.queries.latencyMs[name].p99, afterBatches: batches.queries.latencyMs[name].p99 };
                return [name, { ...p99, met: Math.max(p99.afterOneBatch, p99.afterBatches) < TARGETS.queryP99Ms }];
              }),
          ),
        },
      },
      runs: { oneBatch, batches },
      memory: {
        peakSampledRssMb,
        maxRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
        note: 'whole process: both runs, the supertest client and the SWC compiler of @swc-node/register',
      },
      totalDurationMs: round(msSince(started), 1),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    removeFolders();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
