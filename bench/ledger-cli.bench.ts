/*
 * Command-line benchmark (issue 10, "Speed"): `ledger verify` and the read-model rebuild of
 * `ledger replay` over a store of 1,000,000 events.
 *
 *   npm run bench:cli                         # 1,000 accounts × 1,000 posted items = 1,000,000 ItemPosted
 *   BENCH_EVENTS=100000 npm run -s bench:cli  # a quick trial (-s: only the JSON on stdout)
 *
 * The store: 1,000 accounts (AccountCreated, by the account's own decider), then each account's
 * ledger gets its posted charges in appends of 100 (test/support/posted-charges.ts: the ledger's
 * decider rates them as Approve & Post would, the events carry the service's metadata and the
 * adapter writes their hash chain), through SqliteEventStore's batch appends, 8 ledgers at a time.
 * Every posted event is an ItemPosted, the event that most read models write rows for: a store of
 * real work would also hold time entries, approvals and catalog events, which cost the rebuild less.
 *
 * Measured, each in a child process of its own (bench/support/child-processes.ts: plain node on
 * code precompiled with @swc/core, so that its peak RSS is the measured work's):
 *   1. verify: `verifyLedger` (what `ledger verify` runs: `walkChains` of @billing/event-store over
 *      every event) — time and peak RSS;
 *   2. rebuild: `rebuildReadModels` (what `ledger replay` runs before it compares: the service's
 *      ProjectionRunner with ALL_PROJECTIONS, from position 0, into a new read-model file) — time
 *      and peak RSS; the checkpoints must reach the head.
 * Then, as an operator runs them (`node -r @swc-node/register apps/billing-api/src/cli/ledger.ts`,
 * what `npm run ledger` runs, start-up and compiler included), wall time only:
 *   3. `ledger verify`;
 *   4. `ledger replay` against the read models of step 2 as the live file: it must report zero
 *      differences (BENCH_CLI_REPLAY=0 skips it).
 *
 * Environment (quick trials only; the targets are for the default):
 *   BENCH_EVENTS      posted items (default 1000000), spread over BENCH_ACCOUNTS accounts
 *   BENCH_ACCOUNTS    accounts (default 1000)
 *   BENCH_CLI_REPLAY  0: skip step 4
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACCOUNT_DEFAULTS, accountDecider, accountStream, currentSchemaVersion } from '@billing/domain';
import { SqliteEventStore, type EventStore } from '@billing/event-store';
import { ALL_PROJECTIONS, openReadModelDatabase } from '@billing/projections';
import { rebuildReadModels } from '../apps/billing-api/src/cli/replay/rebuild-read-models';
import { verifyLedger } from '../apps/billing-api/src/cli/verify/verify-ledger';
import { PostedChargesWriter, type ChargeToPost } from '../test/support/posted-charges';
import { runBenchmark, tempDir, type Children, type Measured, type Task } from './support/child-processes';
import { describeRun } from './support/compare';
import { machineInfo } from './support/machine';
import { mb, positiveInt, round } from './support/numbers';
import { pool } from './support/pool';
import { progressLog } from './support/progress';
import { timed } from './support/timing';

const ACCOUNTS = positiveInt(process.env.BENCH_ACCOUNTS, 1000);
const ITEMS = positiveInt(process.env.BENCH_EVENTS, 1_000_000);
const PER_APPEND = 100;
const WRITERS = 8;
const TARGETS = { verifySeconds: 30, rebuildSeconds: 20, rebuildPeakRssMB: 300 };
const STORE_FILE = 'ledger.sqlite';
const READ_MODEL_FILE = 'read-models.sqlite';
const REPO_ROOT = join(__dirname, '..');

const log = progressLog('bench:cli');

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

const metadata = () => ({
  actor: 'bench',
  actorRole: 'finance',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: '2026-11-30T12:00:00.000Z',
});

async function createAccount(store: EventStore, accountId: string): Promise<void> {
  const terms = {
    accountId,
    name: `Account ${accountId}`,
    parentAccountId: null,
    invoiceToParent: false,
    taxRegionId: null,
    taxExempt: false,
    ...ACCOUNT_DEFAULTS,
  };
  const events = accountDecider.decide({ type: 'CreateAccount', terms }, accountDecider.initialState());
  await store.appendToStream(
    accountStream(accountId),
    events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: { ...metadata(), schemaVersion: currentSchemaVersion(event.type) },
    })),
    { expectedRevision: 'no_stream' },
  );
}

/** Item `n` of an account: charges of 1 to 5 units at 10.50 to 99.50, over November. */
function charge(accountId: string, n: number): ChargeToPost {
  return {
    id: `${accountId}-ch-${n}`,
    itemDate: `2026-11-${String(1 + (n % 30)).padStart(2, '0')}`,
    quantity: String(1 + (n % 5)),
    unitPrice: `${10 + (n % 90)}.50`,
    purchaseOrderNumber: n % 3 === 0 ? `PO-${n % 7}` : null,
    description: `Part ${n}`,
  };
}

async function populate(dir: string): Promise<{ events: number; seconds: number }> {
  const store = new SqliteEventStore({ filename: join(dir, STORE_FILE) });
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => `acct${String(i).padStart(4, '0')}`);
  const perAccount = Math.ceil(ITEMS / ACCOUNTS);
  const started = performance.now();
  let posted = 0;
  let logged = 0;
  await pool(accounts, WRITERS, async (accountId, a) => {
    await createAccount(store, accountId);
    const writer = new PostedChargesWriter(store, accountId);
    const items = Math.min(perAccount, ITEMS - a * perAccount);
    for (let first = 0; first < items; first += PER_APPEND) {
      await writer.post(Array.from({ length: Math.min(PER_APPEND, items - first) }, (_, i) => charge(accountId, first + i)));
      posted += Math.min(PER_APPEND, items - first);
      if (posted - logged >= 50_000) {
        logged = posted;
        log(`${posted} items posted (${round((performance.now() - started) / 1000, 1)} s)`);
      }
    }
  });
  const events = Number(await store.headPosition());
  await store.close();
  return { events, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Child side
// ---------------------------------------------------------------------------------------------

async function verifyMeasurement(task: Task): Promise<Measured> {
  const store = new SqliteEventStore({ filename: join(task.dir, STORE_FILE) });
  const { value, seconds } = await timed(() => verifyLedger(store));
  await store.close();
  if (!value.chains.ok || value.chains.eventsChecked !== task.count)
    throw new Error(`verify: ${JSON.stringify(value.chains, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  return { events: value.chains.eventsChecked, seconds, complete: true };
}

async function rebuildMeasurement(task: Task): Promise<Measured> {
  const store = new SqliteEventStore({ filename: join(task.dir, STORE_FILE) });
  const file = join(task.dir, READ_MODEL_FILE);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = openReadModelDatabase(file);
  const head = await store.headPosition();
  const { value, seconds } = await timed(() => rebuildReadModels(store, db, [{ toPosition: head, projections: ALL_PROJECTIONS }]));
  const checkpoints = db.prepare('SELECT name, position FROM projection_checkpoints').all() as { name: string; position: number }[];
  db.close();
  await store.close();
  if (value.failures.length) throw new Error(`rebuild: ${JSON.stringify(value.failures)}`);
  const behind = checkpoints.filter((c) => BigInt(c.position) !== head);
  if (checkpoints.length !== ALL_PROJECTIONS.length || behind.length) throw new Error(`rebuild: checkpoints ${JSON.stringify(checkpoints)}, head ${head}`);
  return { events: value.eventsRead, seconds, complete: true };
}

// ---------------------------------------------------------------------------------------------
// Parent side
// ---------------------------------------------------------------------------------------------

/** Runs `npm run ledger -- <args>` as its script does; answers the wall time, the exit code and stdout. */
function runLedgerCli(args: string[]): Promise<{ seconds: number; code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/billing-api/src/cli/ledger.ts', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ seconds: (performance.now() - started) / 1000, code, stdout }));
  });
}

async function parent(children: Children): Promise<void> {
  const started = performance.now();
  log(`${ITEMS} posted items over ${ACCOUNTS} accounts; children: ${children.description}`);
  const dir = tempDir('cli');
  const populated = await populate(dir);
  log(`store: ${populated.events} events in ${round(populated.seconds, 1)} s, ${mb(statSync(join(dir, STORE_FILE)).size)} MB`);

  const verify = await children.run('verify', { dir, offset: 0, count: populated.events, budgetMs: 0 });
  log(describeRun('verify', verify));
  const rebuild = await children.run('rebuild', { dir, offset: 0, count: populated.events, budgetMs: 0 });
  log(describeRun('rebuild', rebuild));

  const cliVerify = await runLedgerCli(['--data-dir', dir, '--no-progress', 'verify', '--json']);
  if (cliVerify.code !== 0) throw new Error(`ledger verify exited ${cliVerify.code}: ${cliVerify.stdout}`);
  log(`ledger verify: ${round(cliVerify.seconds, 1)} s`);
  let cliReplay: { seconds: number; differences: number; tablesCompared: number; rowsCompared: number } | undefined;
  if (process.env.BENCH_CLI_REPLAY !== '0') {
    const run = await runLedgerCli(['--data-dir', dir, '--no-progress', 'replay', '--json']);
    const report = JSON.parse(run.stdout) as { differences: number; tablesCompared: number; rows: { live: number }; rebuildSeconds: number };
    if (run.code !== 0) throw new Error(`ledger replay exited ${run.code}: ${run.stdout.slice(0, 4000)}`);
    cliReplay = { seconds: round(run.seconds, 1), differences: report.differences, tablesCompared: report.tablesCompared, rowsCompared: report.rows.live };
    log(`ledger replay: ${round(run.seconds, 1)} s (rebuild ${report.rebuildSeconds} s), ${report.differences} differences`);
  }

  const targets = [
    {
      target: `verify ${populated.events} events in under ${TARGETS.verifySeconds} s`,
      measuredSeconds: round(verify.seconds, 2),
      met: verify.seconds < TARGETS.verifySeconds,
    },
    {
      target: `rebuild every read model from ${populated.events} events in under ${TARGETS.rebuildSeconds} s`,
      measuredSeconds: round(rebuild.seconds, 2),
      met: rebuild.seconds < TARGETS.rebuildSeconds,
    },
    {
      target: `rebuild at under ${TARGETS.rebuildPeakRssMB} MB RSS`,
      measuredPeakRssMB: rebuild.memory.peakRssMB,
      met: rebuild.memory.peakRssMB < TARGETS.rebuildPeakRssMB,
    },
  ];
  const report = {
    benchmark: 'bench:cli — ledger verify and the read-model rebuild of ledger replay',
    machine: machineInfo(),
    store: {
      events: populated.events,
      accounts: ACCOUNTS,
      postedItems: ITEMS,
      itemsPerAppend: PER_APPEND,
      fileMB: mb(statSync(join(dir, STORE_FILE)).size),
      populateSeconds: round(populated.seconds, 1),
      note: 'AccountCreated per account, then ItemPosted only (posted charges): the heaviest event for the read models',
    },
    results: {
      verify: {
        seconds: round(verify.seconds, 2),
        eventsPerSec: Math.round(verify.events / verify.seconds),
        cpuSeconds: round(verify.cpuSeconds, 1),
        memory: verify.memory,
      },
      rebuild: {
        seconds: round(rebuild.seconds, 2),
        eventsPerSec: Math.round(rebuild.events / rebuild.seconds),
        cpuSeconds: round(rebuild.cpuSeconds, 1),
        memory: rebuild.memory,
        projections: ALL_PROJECTIONS.length,
        readModelFileMB: mb(statSync(join(dir, READ_MODEL_FILE)).size),
      },
      cli: {
        verifySeconds: round(cliVerify.seconds, 1),
        ...(cliReplay ? { replay: cliReplay } : {}),
        note: 'wall time of node -r @swc-node/register apps/billing-api/src/cli/ledger.ts (npm run ledger), start-up included',
      },
      childProcesses: children.description,
    },
    targets,
    allTargetsMet: targets.every((t) => t.met),
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

runBenchmark({ script: __filename, measurements: { verify: verifyMeasurement, rebuild: rebuildMeasurement }, parent });
