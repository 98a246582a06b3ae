/*
 * Event feed benchmark: the Server-Sent Events feed (GET /api/events/stream, docs/event-feed.md) of
 * the real service in a process of its own (as `npm start` runs its build, bench/support/service-process.ts;
 * embedded SQLite store), read over HTTP by this process.
 *
 *   npm run bench:events               # 200,000 events; 50 clients
 *   npm run -s bench:events > out.json # -s: only the JSON on stdout (progress and the table go to stderr)
 *
 * What is measured:
 *   1. the feed's rate to one local client: from the request to the last of BENCH_EVENTS events
 *      (the backlog, caught up from position 0), events/s (median of BENCH_RATE_REPEATS reads), and
 *      the service's peak RSS during the reads;
 *   2. the service's memory with BENCH_CLIENTS clients connected at once: each catches up the last
 *      BENCH_CLIENT_BACKLOG events, then BENCH_LIVE_EVENTS more are appended while every client is
 *      connected and each receives them live; the service's peak RSS over all of it (the kernel's
 *      high-water mark VmHWM, reset first), and its RSS once every client has everything;
 *   3. stalled clients: BENCH_STALLED_CLIENTS clients ask for the whole log from position 0 and
 *      never read; each must be cut off (its connection closed by the service once 1 MiB waits for
 *      it), and the service's peak RSS meanwhile must stay bounded (target: under 300 MB).
 * Each client checks that it gets every event once, in order (ids strictly increasing, the count
 * exact), and resumes with Last-Event-ID if the service cuts it off (counted: `cutOffs`). The events
 * are billing-sized sample events (bench/support/sample-event.ts, about 450 bytes of JSON), written
 * by this process straight to the store's file; the service's feed picks them up as another
 * process's appends. Heartbeats and the cut-off bound are the service's defaults (15 s, 1 MiB).
 * Linux only (/proc).
 *
 * Environment (the targets are for the defaults):
 *   BENCH_EVENTS            events in the store, read by the single client (default 200000)
 *   BENCH_RATE_REPEATS      single-client reads timed (default 3; the median is reported)
 *   BENCH_CLIENTS           clients connected at once (default 50)
 *   BENCH_CLIENT_BACKLOG    events each of them catches up first (default 20000)
 *   BENCH_LIVE_EVENTS       events appended while they are all connected (default 10000)
 *   BENCH_STALLED_CLIENTS   clients that never read (default 50)
 *   BENCH_SERVICE_RUNTIME   swc-node: run the service through `node -r @swc-node/register` instead
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@billing/event-store';
import { SseParser } from '../test/support/sse-client';
import { FINANCE_KEY } from '../test/support/test-app';
import { machineInfo } from './support/machine';
import { markdownTable, type TableRow } from './support/markdown-table';
import { perSecond, positiveInt, round } from './support/numbers';
import { progressLog } from './support/progress';
import { sampleEvent } from './support/sample-event';
import { processMemory, resetPeakMemory, startBenchService, type BenchService } from './support/service-process';
import { msSince, now } from './support/timing';

const EVENTS = positiveInt(process.env.BENCH_EVENTS, 200_000);
const RATE_REPEATS = positiveInt(process.env.BENCH_RATE_REPEATS, 3);
const CLIENTS = positiveInt(process.env.BENCH_CLIENTS, 50);
const CLIENT_BACKLOG = Math.min(EVENTS, positiveInt(process.env.BENCH_CLIENT_BACKLOG, 20_000));
const LIVE_EVENTS = positiveInt(process.env.BENCH_LIVE_EVENTS, 10_000);
const STALLED_CLIENTS = positiveInt(process.env.BENCH_STALLED_CLIENTS, 50);
const STALL_MS = 30_000;
const STALLED_TIMEOUT_MS = 120_000;
const APPEND_BATCH = 500;
const FOLLOW_TIMEOUT_MS = 600_000;

const TARGETS = { eventsPerSecond: 20_000, clientsRssMb: 300, stalledRssMb: 300 };

const log = progressLog('bench:events');

function fail(message: string): never {
  throw new Error(message);
}

/** Appends `count` sample events, numbered from `first`, to the store's file in batches (10 accounts' streams in turn). */
async function appendSamples(store: SqliteEventStore, first: number, count: number): Promise<void> {
  for (let i = first; i < first + count; i += APPEND_BATCH) {
    const batch = Array.from({ length: Math.min(APPEND_BATCH, first + count - i) }, (_, j) => sampleEvent(i + j));
    await store.appendToStream(`usage-acct${(i / APPEND_BATCH) % 10}`, batch, { expectedRevision: 'any' });
  }
}

/** The service's head position, as its own feed answers it. */
async function serviceHead(service: BenchService): Promise<bigint> {
  const res = await fetch(`${service.url}/api/events?limit=1`, { headers: { Authorization: `Bearer ${FINANCE_KEY}` } });
  if (res.status !== 200) fail(`GET /api/events → ${res.status}: ${await res.text()}`);
  return BigInt(((await res.json()) as { headPosition: string }).headPosition);
}

interface Follow {
  received: number;
  cutOffs: number;
  /** Bytes received, heartbeats included. */
  bytes: number;
  /** Resolves when `count` events have arrived (reconnecting after every cut-off), with the ms from the first request. */
  done: Promise<number>;
  /** Resolves once `count` events have arrived. */
  waitFor(count: number): Promise<void>;
  stop(): void;
}

/**
 * A client of the feed from `after` until it has received `count` events: ids must increase strictly
 * from one message to the next; every 1,000th message's JSON is parsed and its position checked.
 */
function follow(service: BenchService, after: bigint, count: number): Follow {
  const started = now();
  let lastId = after;
  let stopped = false;
  let current: ReturnType<typeof request> | undefined;
  const waiters: { count: number; resolve: () => void }[] = [];
  const state: Follow = {
    received: 0,
    cutOffs: 0,
    bytes: 0,
    done: Promise.resolve(0),
    waitFor: (n) => (state.received >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ count: n, resolve }))),
    stop: () => {
      stopped = true;
      current?.destroy();
    },
  };
  state.done = new Promise<number>((finished, failed) => {
    const timer = setTimeout(() => failed(new Error(`a client got ${state.received} of ${count} events in ${FOLLOW_TIMEOUT_MS} ms`)), FOLLOW_TIMEOUT_MS);
    const connect = () => {
      const headers = { Authorization: `Bearer ${FINANCE_KEY}`, 'Last-Event-ID': String(lastId) };
      current = request(`${service.url}/api/events/stream`, { headers }, (res) => {
        if (res.statusCode !== 200) return failed(new Error(`GET /api/events/stream → ${res.statusCode}`));
        const parser = new SseParser((message) => {
          const id = BigInt(message.id ?? fail('a message without an id'));
          if (id <= lastId) failed(new Error(`event ${id} after ${lastId}: not in order, or twice`));
          if (state.received % 1000 === 0 && (JSON.parse(message.data) as { position: string }).position !== message.id)
            failed(new Error(`message ${message.id} holds event ${message.data.slice(0, 200)}`));
          lastId = id;
          state.received++;
          while (waiters.length && state.received >= waiters[0].count) waiters.shift()!.resolve();
          if (state.received === count) {
            clearTimeout(timer);
            finished(msSince(started));
            state.stop();
          }
        });
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          state.bytes += Buffer.byteLength(chunk);
          parser.push(chunk);
        });
        res.on('error', () => undefined);
        res.on('close', () => {
          if (stopped || state.received >= count) return;
          state.cutOffs++;
          connect();
        });
      });
      current.on('error', (error) => !stopped && failed(error));
      current.end();
    };
    connect();
  });
  // Waiters are answered in the order they came: callers ask for increasing counts.
  return state;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function singleClientRate(service: BenchService, from: bigint) {
  const runs: { ms: number; eventsPerSecond: number; cutOffs: number }[] = [];
  let logBytes = 0;
  resetPeakMemory(service.pid);
  const before = processMemory(service.pid);
  for (let i = 0; i < RATE_REPEATS; i++) {
    const client = follow(service, from, EVENTS);
    const ms = await client.done;
    logBytes = client.bytes;
    runs.push({ ms: round(ms, 1), eventsPerSecond: perSecond(EVENTS, ms), cutOffs: client.cutOffs });
    log(`one client: ${EVENTS} events in ${round(ms, 1)} ms (${perSecond(EVENTS, ms)} events/s, ${client.cutOffs} cut-offs)`);
  }
  const memory = processMemory(service.pid);
  return {
    events: EVENTS,
    medianEventsPerSecond: median(runs.map((r) => r.eventsPerSecond)),
    runs,
    logBytes,
    serviceRssBeforeMb: before.rssMb,
    servicePeakRssMb: memory.peakMb,
  };
}

async function manyClients(service: BenchService, store: SqliteEventStore, head: bigint) {
  resetPeakMemory(service.pid);
  const before = processMemory(service.pid);
  const from = head - BigInt(CLIENT_BACKLOG);
  const started = now();
  const clients = Array.from({ length: CLIENTS }, () => follow(service, from, CLIENT_BACKLOG + LIVE_EVENTS));
  await Promise.all(clients.map((c) => c.waitFor(CLIENT_BACKLOG)));
  const caughtUpMs = msSince(started);
  const connected = processMemory(service.pid);
  log(
    `${CLIENTS} clients caught up ${CLIENT_BACKLOG} events each in ${round(caughtUpMs, 1)} ms; service RSS ${connected.rssMb} MB (peak ${connected.peakMb} MB)`,
  );
  const liveStarted = now();
  await appendSamples(store, EVENTS, LIVE_EVENTS);
  await Promise.all(clients.map((c) => c.done));
  const liveMs = msSince(liveStarted);
  const after = processMemory(service.pid);
  log(`${LIVE_EVENTS} live events reached all ${CLIENTS} clients in ${round(liveMs, 1)} ms; service RSS ${after.rssMb} MB (peak ${after.peakMb} MB)`);
  clients.forEach((c) => c.stop());
  return {
    clients: CLIENTS,
    backlogPerClient: CLIENT_BACKLOG,
    liveEvents: LIVE_EVENTS,
    eventsDelivered: CLIENTS * (CLIENT_BACKLOG + LIVE_EVENTS),
    catchUpMs: round(caughtUpMs, 1),
    liveMs: round(liveMs, 1),
    liveEventsPerSecondToEachClient: perSecond(LIVE_EVENTS, liveMs),
    cutOffs: clients.reduce((n, c) => n + c.cutOffs, 0),
    serviceRssBeforeMb: before.rssMb,
    serviceRssAllCaughtUpMb: connected.rssMb,
    serviceRssAfterLiveMb: after.rssMb,
    servicePeakRssMb: after.peakMb,
  };
}

/**
 * Clients that ask for the whole log and stop reading: the service must cut each off (its full
 * socket has not drained for a heartbeat interval) with its memory bounded meanwhile. A paused
 * client cannot see the cut (the close waits behind the bytes it has not read), so each reads
 * again after STALL_MS and must find its stream ended well short of the log.
 */
async function stalledClients(service: BenchService, logBytes: number) {
  resetPeakMemory(service.pid);
  const before = processMemory(service.pid);
  const received = await Promise.all(
    Array.from(
      { length: STALLED_CLIENTS },
      () =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`a stalled client's stream had not ended ${STALLED_TIMEOUT_MS} ms after it read again`)),
            STALL_MS + STALLED_TIMEOUT_MS,
          );
          const req = request(`${service.url}/api/events/stream`, { headers: { Authorization: `Bearer ${FINANCE_KEY}`, 'Last-Event-ID': '0' } }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`GET /api/events/stream → ${res.statusCode}`));
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.pause();
            setTimeout(() => res.resume(), STALL_MS);
            res.on('error', () => undefined);
            res.on('close', () => {
              clearTimeout(timer);
              resolve(bytes);
            });
          });
          req.on('error', () => undefined);
          req.end();
        }),
    ),
  );
  const after = processMemory(service.pid);
  const mostMb = round(Math.max(...received) / 1024 / 1024, 1);
  const cutOff = received.filter((bytes) => bytes < logBytes).length;
  log(
    `${STALLED_CLIENTS} clients stalled ${STALL_MS} ms: ${cutOff} cut off (each had at most ${mostMb} MB of the log's ${round(logBytes / 1024 / 1024, 1)} MB); service peak RSS ${after.peakMb} MB (${before.rssMb} MB before)`,
  );
  return {
    clients: STALLED_CLIENTS,
    stalledMs: STALL_MS,
    cutOff,
    mostReceivedMb: mostMb,
    logMb: round(logBytes / 1024 / 1024, 1),
    serviceRssBeforeMb: before.rssMb,
    servicePeakRssMb: after.peakMb,
  };
}

async function main() {
  const started = now();
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-events-'));
  let service: BenchService | undefined;
  let store: SqliteEventStore | undefined;
  const cleanUp = async () => {
    await store?.close();
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    service = await startBenchService(dataDir, FINANCE_KEY);
    const serviceMemoryAtStart = processMemory(service.pid);
    log(`service (${service.runtime}) pid ${service.pid} at ${service.url}, data in ${dataDir}, RSS ${serviceMemoryAtStart.rssMb} MB`);
    store = new SqliteEventStore({ filename: join(dataDir, 'ledger.sqlite') });
    const from = await store.headPosition();
    const appendStarted = now();
    await appendSamples(store, 0, EVENTS);
    const head = await store.headPosition();
    while ((await serviceHead(service)) < head) await new Promise((resolve) => setTimeout(resolve, 50));
    log(`${EVENTS} events appended in ${round(msSince(appendStarted), 1)} ms`);

    const single = await singleClientRate(service, from);
    const many = await manyClients(service, store, head);
    const stalled = await stalledClients(service, single.logBytes);

    const result = {
      benchmark: 'event-feed',
      date: new Date().toISOString().slice(0, 10),
      ...machineInfo(),
      workload: {
        events: EVENTS,
        event: 'UsageLineRecorded sample events (bench/support/sample-event.ts), about 450 bytes of JSON; about 750 bytes a message as published',
        service: service.runtime,
        transport: 'HTTP/1.1 Server-Sent Events, loopback; each client parses every message and checks the ids',
        settings: 'heartbeat 15 s, cut-off bound 1 MiB (the defaults)',
      },
      targets: {
        eventsPerSecond: {
          target: TARGETS.eventsPerSecond,
          measured: single.medianEventsPerSecond,
          met: single.medianEventsPerSecond >= TARGETS.eventsPerSecond,
        },
        clientsRss: { targetMb: TARGETS.clientsRssMb, measuredPeakMb: many.servicePeakRssMb, met: many.servicePeakRssMb < TARGETS.clientsRssMb },
        stalledClientsRss: { targetMb: TARGETS.stalledRssMb, measuredPeakMb: stalled.servicePeakRssMb, met: stalled.servicePeakRssMb < TARGETS.stalledRssMb },
      },
      singleClient: single,
      manyClients: many,
      stalledClients: stalled,
      serviceMemory: { atStart: serviceMemoryAtStart, atEnd: processMemory(service.pid) },
      totalDurationMs: round(msSince(started), 1),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const rows: TableRow[] = [
      [
        `one client, ${EVENTS} events from position 0 (median of ${RATE_REPEATS})`,
        `${single.medianEventsPerSecond} events/s (service peak RSS ${single.servicePeakRssMb} MB)`,
        'at least 20,000 events/s',
        met(result.targets.eventsPerSecond.met),
      ],
      [
        `${CLIENTS} clients at once: ${CLIENT_BACKLOG} backlog + ${LIVE_EVENTS} live events each`,
        `service peak RSS ${many.servicePeakRssMb} MB (${many.serviceRssAllCaughtUpMb} MB all connected, ${many.serviceRssBeforeMb} MB before)`,
        'under 300 MB',
        met(result.targets.clientsRss.met),
      ],
      [`${CLIENTS} clients: live events to each`, `${many.liveEventsPerSecondToEachClient} events/s; ${many.cutOffs} cut-offs`, '', ''],
      [
        `${STALLED_CLIENTS} clients that stop reading for ${STALL_MS / 1000} s, asking for all ${EVENTS} events`,
        `${stalled.cutOff} cut off (each had at most ${stalled.mostReceivedMb} of ${stalled.logMb} MB); service peak RSS ${stalled.servicePeakRssMb} MB (${stalled.serviceRssBeforeMb} MB before)`,
        'all cut off, under 300 MB',
        met(result.targets.stalledClientsRss.met && stalled.cutOff === STALLED_CLIENTS),
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
