/*
 * As-of benchmark (issue 10: "an as-of query over a ledger of 100,000 events answers in under a
 * second"): the real service (createApp, embedded SQLite store in a fresh temporary folder) in
 * this process, asked over HTTP with supertest.
 *
 *   npm run bench:audit               # 100,000 ItemPosted events on one ledger
 *   npm run -s bench:audit > out.json # -s: only the JSON on stdout (progress goes to stderr)
 *
 * Set-up: account `acme` with a Block Hours contract (the balance's contract: its bill-to ledger is
 * ledger-acme), then 100,000 posted charges written straight to ledger-acme with the ledger's own
 * decider (test/support/posted-charges.ts), 1,000 per append, while the service runs; the read
 * models catch up before anything is measured. The charges draw on no purchase: a balance still
 * replays every event of the ledger, which is what it costs.
 *
 * Measured, at positions after 10,000, 50,000, 90,000 and 100,000 events of the ledger:
 *   - cold: the ledger's snapshots deleted first, so the query replays the ledger from its first
 *     event up to the position (and leaves a snapshot there);
 *   - warm: the same query again (from that snapshot);
 *   - earlier: a ledger query 5,000 events before the point, twice: the first has no snapshot before
 *     it (they were deleted), so it replays from the first event; the second starts from the
 *     snapshot the first left;
 * for GET /api/audit/ledgers/acme?asOf=P (the first page of 100 items) and
 * GET /api/audit/contracts/acme-blk/balance?asOf=P. Each time is from sending the request to the
 * last byte of the answer, one request at a time. At the head, the as-of balance is checked against
 * the live read model's.
 *
 * Environment (quick trials only; the target is for the default):
 *   BENCH_LEDGER_EVENTS   ItemPosted events on the ledger (default 100000, a multiple of 1000)
 *   BENCH_WARM_REPEATS    warm requests per query and position (default 5)
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { Projections } from '@billing/projections';
import { LedgerSnapshotSweep } from '../apps/billing-api/src/audit/as-of/ledger-snapshot-sweep';
import { LedgerSnapshots } from '../apps/billing-api/src/audit/as-of/ledger-snapshots';
import { ledgerSnapshotsFile } from '../apps/billing-api/src/audit/as-of/as-of.providers';
import { PostedChargesWriter, type ChargeToPost } from '../test/support/posted-charges';
import { startTestApp, type TestApp } from '../test/support/test-app';
import { machineInfo } from './support/machine';
import { startTimerRssSampler } from './support/memory';
import { mb, percentiles, positiveInt, round } from './support/numbers';
import { progressLog } from './support/progress';
import { msSince, now } from './support/timing';

const EVENTS = positiveInt(process.env.BENCH_LEDGER_EVENTS, 100_000);
const WARM_REPEATS = positiveInt(process.env.BENCH_WARM_REPEATS, 5);
const PER_APPEND = 1000;
const TARGET_MS = 1000;
const log = progressLog('bench:audit');

async function timedGet(t: TestApp, path: string): Promise<{ ms: number; body: Record<string, unknown> }> {
  const sent = now();
  const res = await t.as().get(path);
  const ms = msSince(sent);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${JSON.stringify(res.body).slice(0, 2000)}`);
  return { ms: round(ms, 1), body: res.body };
}

async function setUp(t: TestApp): Promise<bigint[]> {
  const post = async (url: string, body: object) => {
    const res = await t.as().post(url).send(body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
  };
  await post('/api/accounts', { id: 'acme', name: 'Acme' });
  await post('/api/contracts', {
    id: 'acme-blk',
    accountId: 'acme',
    name: 'Block',
    type: 'BLOCK_HOURS',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    overageRate: '140',
  });
  await post('/api/contracts/acme-blk/block-purchases', { id: 'acme-b1', hours: '100', hourlyRate: '100', startDate: '2026-01-01', endDate: '2026-12-31' });
  const store = t.app.get<EventStore>(EVENT_STORE);
  const writer = new PostedChargesWriter(store, 'acme');
  const positions: bigint[] = [];
  const started = now();
  for (let batch = 0; batch < EVENTS / PER_APPEND; batch++) {
    const charges: ChargeToPost[] = Array.from({ length: PER_APPEND }, (_, i) => ({
      id: `ch-${batch * PER_APPEND + i}`,
      itemDate: `2026-11-${String(1 + ((batch + i) % 30)).padStart(2, '0')}`,
      quantity: String(1 + (i % 5)),
      unitPrice: `${10 + (i % 90)}.50`,
      purchaseOrderNumber: null,
      description: `Part ${i} of batch ${batch}`,
    }));
    positions.push(await writer.post(charges));
    if ((batch + 1) % 10 === 0) log(`${(batch + 1) * PER_APPEND} ItemPosted appended (${round(msSince(started) / 1000, 1)} s)`);
  }
  const head = await store.headPosition();
  const caughtUp = now();
  if (!(await t.app.get(Projections).waitForPosition(head, 600_000))) throw new Error('the read models did not catch up');
  log(`read models caught up with ${head} events in ${round(msSince(caughtUp) / 1000, 1)} s`);
  return positions;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-audit-'));
  const rss = startTimerRssSampler(20);
  const t = await startTestApp({ dataDir });
  try {
    log(`${EVENTS} ItemPosted on ledger-acme, data in ${dataDir}`);
    const positions = await setUp(t);
    const snapshots = t.app.get(LedgerSnapshots);
    // After 10%, 50%, 90% and all of the ledger's events (each position ends an append of 1,000).
    const points = [0.1, 0.5, 0.9, 1].map((share) => {
      const appends = Math.max(1, Math.round(positions.length * share));
      return { events: appends * PER_APPEND, position: positions[appends - 1] };
    });
    const earlierBy = Math.min(5000, EVENTS / 2);
    const results = [];
    for (const point of points) {
      const ledger = `/api/audit/ledgers/acme?asOf=${point.position}`;
      const balance = `/api/audit/contracts/acme-blk/balance?asOf=${point.position}`;
      snapshots.drop('ledger-acme');
      const coldLedger = await timedGet(t, ledger);
      snapshots.drop('ledger-acme');
      const coldBalance = await timedGet(t, balance);
      const warmLedger: number[] = [];
      const warmBalance: number[] = [];
      for (let i = 0; i < WARM_REPEATS; i++) {
        warmLedger.push((await timedGet(t, ledger)).ms);
        warmBalance.push((await timedGet(t, balance)).ms);
      }
      const earlierPosition = point.position - BigInt(earlierBy) > positions[0] ? point.position - BigInt(earlierBy) : positions[0];
      const earlier = await timedGet(t, `/api/audit/ledgers/acme?asOf=${earlierPosition}`);
      const earlierAgain = await timedGet(t, `/api/audit/ledgers/acme?asOf=${earlierPosition}`);
      if (coldLedger.body.total !== point.events) throw new Error(`as of ${point.position}: ${coldLedger.body.total} items, expected ${point.events}`);
      const result = {
        ledgerEvents: point.events,
        position: point.position.toString(),
        ledgerFirstPage: { coldMs: coldLedger.ms, warm: percentiles(warmLedger) },
        balance: { coldMs: coldBalance.ms, warm: percentiles(warmBalance) },
        ledgerEarlier: { position: earlierPosition.toString(), firstMs: earlier.ms, againMs: earlierAgain.ms },
        snapshotsOfTheLedger: snapshots.revisionsOf('ledger-acme').map(String),
      };
      log(JSON.stringify(result));
      results.push(result);
    }
    // As the service runs: its background sweep snapshots the ledger ahead, then each point's first queries.
    snapshots.drop('ledger-acme');
    const sweepStarted = now();
    const swept = await t.app.get(LedgerSnapshotSweep).sweep();
    const sweepMs = round(msSince(sweepStarted), 1);
    const afterSweep = [];
    for (const point of points) {
      const ledgerFirst = await timedGet(t, `/api/audit/ledgers/acme?asOf=${point.position}`);
      const balanceFirst = await timedGet(t, `/api/audit/contracts/acme-blk/balance?asOf=${point.position}`);
      const earlierPosition = point.position - BigInt(earlierBy) > positions[0] ? point.position - BigInt(earlierBy) : positions[0];
      const earlierFirst = await timedGet(t, `/api/audit/ledgers/acme?asOf=${earlierPosition}`);
      afterSweep.push({ ledgerEvents: point.events, ledgerFirstMs: ledgerFirst.ms, balanceFirstMs: balanceFirst.ms, earlierFirstMs: earlierFirst.ms });
    }
    log(`background sweep: ${swept.snapshots} snapshots in ${sweepMs} ms; then the first queries: ${JSON.stringify(afterSweep)}`);
    const slowestAfterSweep = Math.max(...afterSweep.flatMap((r) => [r.ledgerFirstMs, r.balanceFirstMs, r.earlierFirstMs]));
    // At the head, the replay answers what the live read model does.
    const live = (await t.as().get('/api/contracts/acme-blk/balance')).body;
    const { asOf: _asOf, ...replayed } = (await timedGet(t, '/api/audit/contracts/acme-blk/balance')).body;
    if (JSON.stringify(replayed) !== JSON.stringify(live)) throw new Error(`as-of balance ${JSON.stringify(replayed)} ≠ live ${JSON.stringify(live)}`);
    const slowestWarm = Math.max(...results.flatMap((r) => [r.ledgerFirstPage.warm.max, r.balance.warm.max]));
    const slowestCold = Math.max(...results.flatMap((r) => [r.ledgerFirstPage.coldMs, r.balance.coldMs]));
    const report = {
      benchmark: 'bench:audit',
      machine: machineInfo(),
      ledgerEvents: EVENTS,
      warmRepeats: WARM_REPEATS,
      results,
      snapshotsFileMB: mb(statSync(ledgerSnapshotsFile(t.config)).size),
      peakRssMB: mb(Math.max(rss.peak, process.resourceUsage().maxRSS * 1024)),
      target: { asOfQueryMs: TARGET_MS },
      slowestWarmMs: slowestWarm,
      slowestColdMs: slowestCold,
      warmMeetsTarget: slowestWarm < TARGET_MS,
      coldMeetsTarget: slowestCold < TARGET_MS,
      afterBackgroundSweep: {
        sweepMs,
        snapshots: swept.snapshots,
        firstQueries: afterSweep,
        slowestMs: slowestAfterSweep,
        meetsTarget: slowestAfterSweep < TARGET_MS,
      },
      balanceAtHeadEqualsLiveReadModel: true,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
