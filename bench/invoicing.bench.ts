/*
 * Invoicing benchmark: the real service in a process of its own (apps/billing-api/src/main.ts run as
 * `npm start` runs its build: plain node on code precompiled with @swc/core, bench/support/service-process.ts;
 * embedded SQLite store, projections in their worker thread) on a fresh temporary data folder,
 * driven over HTTP by this process.
 *
 *   npm run bench:invoicing               # 1,000 accounts × 100 posted items; 1,000 recurring contracts × 5 services
 *   npm run -s bench:invoicing > out.json # -s: only the JSON on stdout (progress and the table go to stderr)
 *
 * What is measured, each through the service's HTTP API (fetch, keep-alive, timed to the answer's
 * last byte; the client parses and checks after the clock stops):
 *   1. one invoice run (POST /api/invoice-runs) over every posted item: 1,000 accounts × 100 items on
 *      3 purchase orders each, so 3,000 invoices of about 33 lines; its time (the answer waits for
 *      the read models to show the invoices) and the service's peak RSS during it;
 *   2. the latency of the invoice list (GET /api/invoices, 100 a page; one account's) and of one
 *      invoice with its lines (GET /api/invoices/:id), sequential requests, p50/p99;
 *   3. the accounting export of the month (GET /api/exports/accounting, 100,000 lines): lines/s, and
 *      the service's peak RSS during it;
 *   4. accrual (POST /api/recurring/accrue) of 1,000 Recurring Service contracts × 5 services through
 *      12 months (60,000 service periods), and the service's peak RSS during it.
 * Peak RSS is the service process's, its worker thread included: the kernel's high-water mark
 * (VmHWM), reset before each measured request (`/proc/<pid>/clear_refs`), so it is the peak of that
 * request alone. The posted items are written by this process straight to the store's ledger
 * streams (test/support/posted-charges.ts: the ledger's own decider rates pending charges, as
 * Approve & Post would, and the events carry the service's metadata); the service's projections
 * pick them up as another process's appends. Accounts, the catalog and the recurring contracts are
 * set up through HTTP. Linux only (/proc).
 *
 * Environment (the targets are for the defaults):
 *   BENCH_ACCOUNTS               accounts (default 1000)
 *   BENCH_ITEMS_PER_ACCOUNT      posted items per account (default 100), over 3 purchase orders
 *   BENCH_RECURRING_CONTRACTS    recurring contracts to accrue (default 1000; 0 skips the accrual)
 *   BENCH_SERVICES_PER_CONTRACT  services per recurring contract (default 5)
 *   BENCH_QUERY_REQUESTS         requests per query variant (default 200)
 *   BENCH_EXPORT_REPEATS         accounting exports timed (default 3; the median is reported)
 *   BENCH_SERVICE_RUNTIME        swc-node: run the service through `node -r @swc-node/register` instead
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dec, type Dec } from '@billing/domain';
import { SqliteEventStore } from '@billing/event-store';
import { PostedChargesWriter, type ChargeToPost } from '../test/support/posted-charges';
import { FINANCE_KEY } from '../test/support/test-app';
import { machineInfo } from './support/machine';
import { markdownTable, type TableRow } from './support/markdown-table';
import { mb, percentiles, perSecond, positiveInt, round, type Percentiles } from './support/numbers';
import { pool } from './support/pool';
import { progressLog } from './support/progress';
import { processMemory, resetPeakMemory, startBenchService, type BenchService } from './support/service-process';
import { msSince, now } from './support/timing';

const nonNegativeInt = (value: string | undefined, fallback: number) => (value === '0' ? 0 : positiveInt(value, fallback));

const ACCOUNTS = positiveInt(process.env.BENCH_ACCOUNTS, 1000);
const ITEMS_PER_ACCOUNT = positiveInt(process.env.BENCH_ITEMS_PER_ACCOUNT, 100);
const RECURRING_CONTRACTS = nonNegativeInt(process.env.BENCH_RECURRING_CONTRACTS, 1000);
const SERVICES_PER_CONTRACT = positiveInt(process.env.BENCH_SERVICES_PER_CONTRACT, 5);
const QUERY_REQUESTS = positiveInt(process.env.BENCH_QUERY_REQUESTS, 200);
const EXPORT_REPEATS = positiveInt(process.env.BENCH_EXPORT_REPEATS, 3);
const SETUP_CONCURRENCY = 8;
const APPEND_CONCURRENCY = 16;
const QUERY_WARMUP = 10;
const PURCHASE_ORDERS = ['PO-1', 'PO-2', 'PO-3'];
const INVOICE_DATE = '2026-11-30';
const ACCRUE_THROUGH = '2026-12-31';
const TOTAL_ITEMS = ACCOUNTS * ITEMS_PER_ACCOUNT;

const TARGETS = { runMs: 10_000, runPeakRssMb: 500, accrualMs: 5000, queryP99Ms: 20, exportLinesPerSecond: 50_000 };

const log = progressLog('bench:invoicing');

// ---------------------------------------------------------------------------------------------
// The service's process: HTTP and memory
// ---------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  text: string;
  ms: number;
}

/** A request as finance, timed from sending to the answer's last byte; a status not in `expected` stops the run with the body. */
async function call(service: BenchService, method: 'GET' | 'POST', path: string, body?: object, expected = [200, 201]): Promise<Answer> {
  const sent = now();
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${FINANCE_KEY}`, ...(body && { 'Content-Type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  const ms = msSince(sent);
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} (expected ${expected.join('/')}): ${text.slice(0, 4000)}`);
  return { status: res.status, text, ms };
}

const json = <T>(answer: Answer): T => JSON.parse(answer.text) as T;

/** The service's peak RSS during `work`: its high-water mark reset first, so the peak is this work's alone. */
async function withServicePeak<T>(service: BenchService, work: () => Promise<T>): Promise<{ value: T; rssBeforeMb: number; peakRssMb: number }> {
  resetPeakMemory(service.pid);
  const before = processMemory(service.pid);
  const value = await work();
  return { value, rssBeforeMb: before.rssMb, peakRssMb: processMemory(service.pid).peakMb };
}

async function waitForProjections(service: BenchService, what: string): Promise<number> {
  const started = now();
  for (;;) {
    const health = await call(service, 'GET', '/health', undefined, [200, 503]);
    const projections = json<{ projections: { name: string; lag: string; state: string; error?: string }[] }>(health).projections;
    const failed = projections.find((p) => p.state === 'failed');
    if (failed) throw new Error(`${what}: projection ${failed.name} failed: ${failed.error}`);
    const lag = projections.reduce((m, p) => Math.max(m, Number(p.lag)), 0);
    if (lag === 0 && health.status === 200) return round(msSince(started), 1);
    if (msSince(started) > 600_000) throw new Error(`${what}: projections still ${lag} events behind after 600 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** mulberry32: a small seeded generator, so every run posts the very same items. */
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

function fail(message: string): never {
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------------------------

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => `acct-${String(i + 1).padStart(4, '0')}`);
const QUANTITIES = ['1', '2', '3', '5', '10', '0.5', '1.5', '24'];
const GOODS_TAX = '0.08875';

/** The items of one account: round robin over the POs, random dates in November, quantities and prices; about half taxed as goods. */
function chargesOf(accountId: string, random: () => number): ChargeToPost[] {
  return Array.from({ length: ITEMS_PER_ACCOUNT }, (_, n) => {
    const day = 1 + Math.floor(random() * 30);
    return {
      id: `ch-${accountId}-${String(n).padStart(3, '0')}`,
      itemDate: `2026-11-${String(day).padStart(2, '0')}`,
      quantity: QUANTITIES[Math.floor(random() * QUANTITIES.length)],
      unitPrice: (Math.floor(random() * 50_000) / 100).toFixed(2),
      purchaseOrderNumber: PURCHASE_ORDERS[n % PURCHASE_ORDERS.length],
      description: `Licence or part ${n} for ${accountId}`,
      taxCategoryId: random() < 0.5 ? 'goods' : null,
    };
  });
}

async function setUpAccounts(service: BenchService) {
  const started = now();
  await call(service, 'POST', '/api/tax-regions', { id: 'ny', name: 'New York', rates: [{ taxCategory: 'goods', name: 'NY sales tax', rate: GOODS_TAX }] });
  await call(service, 'POST', '/api/billing-codes', { id: 'm365', name: 'Microsoft 365', type: 'service', glAccount: '4200' });
  await pool(accountIds, SETUP_CONCURRENCY, (id, i) =>
    call(service, 'POST', '/api/accounts', { id, name: `Customer ${i + 1}`, taxRegionId: 'ny', paymentTermsDays: 30 }),
  );
  return { durationMs: round(msSince(started), 1), accounts: ACCOUNTS };
}

/** Every account's items, one append per ledger (16 in flight), as one Approve & Post request per account would write them. */
async function postItems(service: BenchService, dataDir: string) {
  const store = new SqliteEventStore({ filename: join(dataDir, 'ledger.sqlite') });
  const random = generator(20261130);
  const ratesByCategory = { goods: [{ name: 'NY sales tax', rate: GOODS_TAX, compound: false }] };
  // What the invoices must add up to: each item's amount rounded half-up to cents, its tax on that.
  let subtotal: Dec = dec(0);
  let tax: Dec = dec(0);
  const started = now();
  try {
    await pool(accountIds, APPEND_CONCURRENCY, async (accountId) => {
      const charges = chargesOf(accountId, random);
      for (const c of charges) {
        const amount = dec(c.quantity).times(c.unitPrice).toDecimalPlaces(2, 4);
        subtotal = subtotal.plus(amount);
        if (c.taxCategoryId) tax = tax.plus(amount.times(GOODS_TAX).toDecimalPlaces(2, 4));
      }
      await new PostedChargesWriter(store, accountId, { taxExempt: false, region: { id: 'ny', ratesByCategory } }).post(charges);
    });
  } finally {
    await store.close();
  }
  const appendMs = msSince(started);
  const catchUpMs = await waitForProjections(service, 'after the posted items');
  return {
    items: TOTAL_ITEMS,
    appendMs: round(appendMs, 1),
    itemsAppendedPerSecond: perSecond(TOTAL_ITEMS, appendMs),
    projectionCatchUpAfterLastAppendMs: catchUpMs,
    expected: { subtotal: subtotal.toFixed(2), tax: tax.toFixed(2), total: subtotal.plus(tax).toFixed(2) },
  };
}

async function setUpRecurring(service: BenchService) {
  const started = now();
  const contracts = Array.from({ length: RECURRING_CONTRACTS }, (_, i) => ({
    id: `rec-${String(i + 1).padStart(4, '0')}`,
    accountId: accountIds[i % ACCOUNTS],
  }));
  await pool(contracts, SETUP_CONCURRENCY, async ({ id, accountId }) => {
    await call(service, 'POST', '/api/contracts', {
      id,
      accountId,
      name: 'Managed services',
      type: 'RECURRING_SERVICE',
      periodType: 'MONTHLY',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    for (let s = 1; s <= SERVICES_PER_CONTRACT; s++) {
      await call(service, 'POST', `/api/contracts/${id}/services`, {
        id: `svc-${s}`,
        name: `Service ${s}`,
        units: String(5 * s),
        unitPrice: '12.5',
        unitCost: '8',
        ...(s === 1 ? { billingCodeId: 'm365' } : {}),
      });
    }
  });
  const durationMs = msSince(started);
  const catchUpMs = await waitForProjections(service, 'after the recurring contracts');
  return {
    contracts: RECURRING_CONTRACTS,
    servicesPerContract: SERVICES_PER_CONTRACT,
    requests: RECURRING_CONTRACTS * (1 + SERVICES_PER_CONTRACT),
    durationMs: round(durationMs, 1),
    projectionCatchUpMs: catchUpMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

interface InvoiceSummary {
  id: string;
  lines: unknown[];
  subtotal: string;
  tax: string;
  total: string;
}

async function invoiceRun(service: BenchService, expected: { subtotal: string; tax: string; total: string }) {
  const measured = await withServicePeak(service, () => call(service, 'POST', '/api/invoice-runs', { id: 'run-nov', invoiceDate: INVOICE_DATE }, [201]));
  const { invoices } = json<{ invoices: InvoiceSummary[] }>(measured.value);
  const sum = (pick: (i: InvoiceSummary) => string) => invoices.reduce((s, i) => s.plus(pick(i)), dec(0)).toFixed(2);
  const totals = { subtotal: sum((i) => i.subtotal), tax: sum((i) => i.tax), total: sum((i) => i.total) };
  const lines = invoices.reduce((n, i) => n + i.lines.length, 0);
  if (invoices.length !== ACCOUNTS * PURCHASE_ORDERS.length) fail(`the run made ${invoices.length} invoices, expected ${ACCOUNTS * PURCHASE_ORDERS.length}`);
  if (lines !== TOTAL_ITEMS) fail(`the run's invoices hold ${lines} lines, expected ${TOTAL_ITEMS}`);
  if (JSON.stringify(totals) !== JSON.stringify(expected)) fail(`the run's totals ${JSON.stringify(totals)} are not ${JSON.stringify(expected)}`);
  return {
    run: {
      durationMs: round(measured.value.ms, 1),
      invoices: invoices.length,
      lines,
      itemsPerSecond: perSecond(TOTAL_ITEMS, measured.value.ms),
      responseMb: mb(Buffer.byteLength(measured.value.text)),
      totals,
      serviceRssBeforeMb: measured.rssBeforeMb,
      servicePeakRssMb: measured.peakRssMb,
    },
    invoiceIds: invoices.map((i) => i.id),
  };
}

async function queryLatencies(service: BenchService, invoiceIds: string[]) {
  const random = generator(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const variants: [string, () => string, (body: Record<string, unknown>) => void][] = [
    ['GET /health (HTTP + client floor)', () => '/health', () => undefined],
    [
      'GET /api/invoices?limit=100&offset=<random>',
      () => `/api/invoices?limit=100&offset=${Math.floor(random() * Math.max(0, invoiceIds.length - 100))}`,
      (body) => void ((body.items as unknown[]).length === Math.min(100, invoiceIds.length) || fail(`list: ${(body.items as unknown[]).length} invoices`)),
    ],
    [
      'GET /api/invoices?accountId=<random>',
      () => `/api/invoices?accountId=${pick(accountIds)}`,
      (body) => void ((body.items as unknown[]).length === PURCHASE_ORDERS.length || fail(`one account's list: ${JSON.stringify(body).slice(0, 200)}`)),
    ],
    [
      'GET /api/invoices/<random> (about 33 lines)',
      () => `/api/invoices/${pick(invoiceIds)}`,
      (body) => void ((body.lines as unknown[]).length > 0 || fail('an invoice without lines')),
    ],
  ];
  const results: Record<string, Percentiles & { responseBytes: number }> = {};
  for (const [name, url, validate] of variants) {
    for (let i = 0; i < QUERY_WARMUP; i++) await call(service, 'GET', url());
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < QUERY_REQUESTS; i++) {
      const answer = await call(service, 'GET', url());
      samples.push(answer.ms);
      validate(json<Record<string, unknown>>(answer));
      bytes = answer.text.length;
    }
    results[name] = { ...percentiles(samples), responseBytes: bytes };
  }
  return results;
}

async function accountingExport(service: BenchService, expected: { total: string }) {
  const url = `/api/exports/accounting?from=2026-11-01&to=${INVOICE_DATE}`;
  const runs: { durationMs: number; linesPerSecond: number; serviceRssBeforeMb: number; servicePeakRssMb: number; mb: number }[] = [];
  for (let i = 0; i < EXPORT_REPEATS; i++) {
    const measured = await withServicePeak(service, () => call(service, 'GET', url));
    const { text, ms } = measured.value;
    // A record per line, amount + tax adding up to the invoices' total.
    const records = text.split('\r\n').slice(1, -1);
    if (records.length !== TOTAL_ITEMS) fail(`the export holds ${records.length} records, expected ${TOTAL_ITEMS}`);
    const total = records.reduce((s, record) => {
      const fields = record.split(',');
      return s.plus(fields[17]).plus(fields[19]);
    }, dec(0));
    if (total.toFixed(2) !== expected.total) fail(`the export adds up to ${total.toFixed(2)}, expected ${expected.total}`);
    runs.push({
      durationMs: round(ms, 1),
      linesPerSecond: perSecond(records.length, ms),
      serviceRssBeforeMb: measured.rssBeforeMb,
      servicePeakRssMb: measured.peakRssMb,
      mb: mb(Buffer.byteLength(text)),
    });
  }
  const median = [...runs].sort((a, b) => a.linesPerSecond - b.linesPerSecond)[Math.floor(runs.length / 2)];
  return { lines: TOTAL_ITEMS, median, runs };
}

async function accrual(service: BenchService) {
  const measured = await withServicePeak(service, () => call(service, 'POST', '/api/recurring/accrue', { through: ACCRUE_THROUGH }, [200, 201]));
  const { created } = json<{ created: { type: string }[] }>(measured.value);
  const periods = created.filter((c) => c.type === 'SERVICE_PERIOD').length;
  const expected = RECURRING_CONTRACTS * SERVICES_PER_CONTRACT * 12;
  if (periods !== expected) fail(`accrual created ${periods} service periods, expected ${expected}`);
  const catchUpAfterAnswerMs = await waitForProjections(service, 'after the accrual');
  return {
    durationMs: round(measured.value.ms, 1),
    servicePeriods: periods,
    itemsPerSecond: perSecond(periods, measured.value.ms),
    responseMb: mb(Buffer.byteLength(measured.value.text)),
    projectionCatchUpAfterAnswerMs: catchUpAfterAnswerMs,
    serviceRssBeforeMb: measured.rssBeforeMb,
    servicePeakRssMb: measured.peakRssMb,
  };
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

async function main() {
  const started = now();
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-invoicing-'));
  let service: BenchService | undefined;
  const cleanUp = async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    service = await startBenchService(dataDir, FINANCE_KEY);
    log(`${ACCOUNTS} accounts × ${ITEMS_PER_ACCOUNT} items = ${TOTAL_ITEMS}; ${RECURRING_CONTRACTS} recurring contracts × ${SERVICES_PER_CONTRACT} services`);
    const serviceMemoryAtStart = processMemory(service.pid);
    log(`service (${service.runtime}) pid ${service.pid} at ${service.url}, data in ${dataDir}, RSS ${serviceMemoryAtStart.rssMb} MB`);
    const accounts = await setUpAccounts(service);
    log(`accounts set up in ${accounts.durationMs} ms; service RSS ${processMemory(service.pid).rssMb} MB`);
    const posted = await postItems(service, dataDir);
    const serviceMemoryAfterItems = processMemory(service.pid);
    log(
      `${posted.items} items appended in ${posted.appendMs} ms; read models caught up ${posted.projectionCatchUpAfterLastAppendMs} ms later; service RSS ${serviceMemoryAfterItems.rssMb} MB (peak ${serviceMemoryAfterItems.peakMb} MB)`,
    );
    const { run, invoiceIds } = await invoiceRun(service, posted.expected);
    log(`invoice run: ${run.invoices} invoices, ${run.lines} lines in ${run.durationMs} ms; service peak RSS ${run.servicePeakRssMb} MB`);
    const queries = await queryLatencies(service, invoiceIds);
    log('queries done');
    const exported = await accountingExport(service, posted.expected);
    log(`accounting export: ${exported.median.linesPerSecond} lines/s (median of ${EXPORT_REPEATS})`);
    const recurringSetUp = RECURRING_CONTRACTS ? await setUpRecurring(service) : null;
    if (recurringSetUp) log(`recurring contracts set up in ${recurringSetUp.durationMs} ms`);
    const accrued = RECURRING_CONTRACTS ? await accrual(service) : null;
    if (accrued) log(`accrual: ${accrued.servicePeriods} service periods in ${accrued.durationMs} ms`);

    const queryP99s = Object.entries(queries)
      .filter(([name]) => !name.startsWith('GET /health'))
      .map(([, l]) => l.p99);
    const worstQueryP99 = Math.max(...queryP99s);
    const result = {
      benchmark: 'invoicing',
      date: new Date().toISOString().slice(0, 10),
      ...machineInfo(),
      workload: {
        accounts: ACCOUNTS,
        itemsPerAccount: ITEMS_PER_ACCOUNT,
        postedItems: TOTAL_ITEMS,
        purchaseOrdersPerAccount: PURCHASE_ORDERS.length,
        items: 'charges without a contract, about half taxed (NY 8.875%), dated in November 2026, written to the ledgers by the ledger decider',
        recurringContracts: RECURRING_CONTRACTS,
        servicesPerContract: SERVICES_PER_CONTRACT,
        accrualMonths: 12,
        service: service.runtime,
        transport: 'fetch (keep-alive) from this process to the service in its own process, loopback',
      },
      targets: {
        invoiceRun: { targetMs: TARGETS.runMs, measuredMs: run.durationMs, met: run.durationMs < TARGETS.runMs },
        invoiceRunPeakRss: { targetMb: TARGETS.runPeakRssMb, measuredMb: run.servicePeakRssMb, met: run.servicePeakRssMb < TARGETS.runPeakRssMb },
        accrual: accrued ? { targetMs: TARGETS.accrualMs, measuredMs: accrued.durationMs, met: accrued.durationMs < TARGETS.accrualMs } : null,
        queryP99: { targetMs: TARGETS.queryP99Ms, worstMeasuredMs: worstQueryP99, met: worstQueryP99 < TARGETS.queryP99Ms },
        exportLinesPerSecond: {
          target: TARGETS.exportLinesPerSecond,
          measured: exported.median.linesPerSecond,
          met: exported.median.linesPerSecond >= TARGETS.exportLinesPerSecond,
        },
      },
      setup: { accounts, posted, recurring: recurringSetUp },
      invoiceRun: run,
      queries: { requestsPerVariant: QUERY_REQUESTS, warmUpPerVariant: QUERY_WARMUP, sequential: true, latencyMs: queries },
      accountingExport: exported,
      accrual: accrued,
      serviceMemory: { atStart: serviceMemoryAtStart, afterPostedItems: serviceMemoryAfterItems, atEnd: processMemory(service.pid) },
      totalDurationMs: round(msSince(started), 1),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const met = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
    const latency = (name: string) => `${queries[name].p50} / ${queries[name].p99} ms`;
    const rows: TableRow[] = [
      [`invoice run, ${run.lines} items → ${run.invoices} invoices`, `${round(run.durationMs / 1000, 2)} s`, 'under 10 s', met(result.targets.invoiceRun.met)],
      [
        'service peak RSS during the run',
        `${run.servicePeakRssMb} MB (${run.serviceRssBeforeMb} MB before)`,
        'under 500 MB',
        met(result.targets.invoiceRunPeakRss.met),
      ],
      ...(accrued
        ? [
            [
              `accrual, ${RECURRING_CONTRACTS} contracts × ${SERVICES_PER_CONTRACT} services × 12 months`,
              `${round(accrued.durationMs / 1000, 2)} s (peak RSS ${accrued.servicePeakRssMb} MB)`,
              'under 5 s',
              met(result.targets.accrual?.met),
            ] as TableRow,
          ]
        : []),
      ...Object.keys(queries)
        .filter((name) => !name.startsWith('GET /health'))
        .map((name): TableRow => [`${name}: p50 / p99`, latency(name), 'p99 under 20 ms', met(queries[name].p99 < TARGETS.queryP99Ms)]),
      ['GET /health: p50 / p99 (the floor)', latency('GET /health (HTTP + client floor)'), '', ''],
      [
        `accounting export, ${exported.lines} lines`,
        `${exported.median.linesPerSecond} lines/s (${exported.median.durationMs} ms, peak RSS ${exported.median.servicePeakRssMb} MB)`,
        'at least 50,000 lines/s',
        met(result.targets.exportLinesPerSecond.met),
      ],
    ];
    process.stderr.write(`${markdownTable(rows)}\n`);
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
