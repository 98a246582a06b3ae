import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_PROJECTIONS } from '@billing/projections';
import { categoryOf } from '../../events/published-event';
import { EXIT_OK } from '../cli-error';
import { openLedgerStore, sqliteFileBytes, type LedgerData } from '../ledger-data';
import { formatCount, startProgress, type ProgressOptions } from '../progress';

/** Where one read model stands in the live read-model file. */
export interface ProjectionStats {
  name: string;
  /** The version this code builds. */
  version: number;
  /** The version the live file holds; null: the projection has not run on this file. */
  liveVersion: number | null;
  position: string;
  /** Events of the store it has not applied yet (its position to the head; positions of EventStoreDB are not event counts). */
  lag: string;
}

/** What `ledger stats --json` prints. */
export interface LedgerStats {
  store: { kind: 'sqlite' | 'esdb'; file?: string; bytes?: number };
  headPosition: string;
  events: number;
  streams: number;
  streamsByCategory: Record<string, number>;
  eventsByType: Record<string, number>;
  readModels: { file: string; bytes: number | null; projections: ProjectionStats[] };
  /** The data folder's other files (signing key, snapshots, …), with their sizes. */
  otherFiles: Record<string, number>;
}

/**
 * `ledger stats`: one pass over the store up to its head when it starts (events by type, and
 * streams by category counted by their first event, revision 0, so nothing grows with the
 * number of streams), the files' sizes, and each projection's checkpoint and lag.
 */
export async function statsCommand(data: LedgerData, options: { json: boolean }, progress: ProgressOptions, out: NodeJS.WritableStream): Promise<number> {
  const store = await openLedgerStore(data);
  let stats: LedgerStats;
  try {
    const head = await store.headPosition();
    const eventsByType = new Map<string, number>();
    const streamsByCategory = new Map<string, number>();
    let events = 0;
    const bar = startProgress('stats', 0n, head, progress);
    if (head > 0n) {
      for await (const event of store.readAll()) {
        if (event.position > head) break;
        events += 1;
        eventsByType.set(event.type, (eventsByType.get(event.type) ?? 0) + 1);
        if (event.revision === 0n) {
          const category = categoryOf(event.streamId);
          streamsByCategory.set(category, (streamsByCategory.get(category) ?? 0) + 1);
        }
        if (events % 5000 === 0) bar.update(event.position, events);
        if (event.position === head) break;
      }
    }
    bar.update(head, events);
    bar.done();
    const sorted = (counts: Map<string, number>) => Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
    stats = {
      store: { kind: data.storeKind, ...(data.storeFile ? { file: data.storeFile, bytes: sqliteFileBytes(data.storeFile) ?? 0 } : {}) },
      headPosition: head.toString(),
      events,
      streams: [...streamsByCategory.values()].reduce((a, b) => a + b, 0),
      streamsByCategory: sorted(streamsByCategory),
      eventsByType: sorted(eventsByType),
      readModels: { file: data.readModelFile, bytes: sqliteFileBytes(data.readModelFile) ?? null, projections: projectionStats(data.readModelFile, head) },
      otherFiles: otherFiles(data),
    };
  } finally {
    await store.close();
  }
  out.write(options.json ? `${JSON.stringify(stats, null, 2)}\n` : describeStats(stats));
  return EXIT_OK;
}

function projectionStats(file: string, head: bigint): ProjectionStats[] {
  const live = new Map<string, { version: number; position: number }>();
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const hasCheckpoints = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'projection_checkpoints'").get();
      if (hasCheckpoints)
        for (const row of db.prepare('SELECT name, version, position FROM projection_checkpoints').all() as {
          name: string;
          version: number;
          position: number;
        }[])
          live.set(row.name, row);
    } finally {
      db.close();
    }
  }
  return ALL_PROJECTIONS.map((projection) => {
    const checkpoint = live.get(projection.name);
    const position = BigInt(checkpoint?.position ?? 0);
    return {
      name: projection.name,
      version: projection.version,
      liveVersion: checkpoint?.version ?? null,
      position: position.toString(),
      lag: (head > position ? head - position : 0n).toString(),
    };
  });
}

function otherFiles(data: LedgerData): Record<string, number> {
  const known = new Set(
    [data.storeFile, data.readModelFile].filter((f): f is string => f !== undefined).flatMap((f) => ['', '-wal', '-shm'].map((s) => basename(f) + s)),
  );
  const files: Record<string, number> = {};
  for (const name of readdirSync(data.config.dataDir).sort()) {
    if (known.has(name)) continue;
    const stat = statSync(join(data.config.dataDir, name));
    if (stat.isFile()) files[name] = stat.size;
  }
  return files;
}

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeStats(s: LedgerStats): string {
  const lines: string[] = [];
  lines.push(`store: ${s.store.kind === 'sqlite' ? `SQLite ${s.store.file} (${fileSize(s.store.bytes ?? 0)} with its write-ahead log)` : 'EventStoreDB'}`);
  lines.push(`events: ${formatCount(s.events)} (head position ${s.headPosition})`);
  lines.push(`streams: ${formatCount(s.streams)}`);
  for (const [category, n] of Object.entries(s.streamsByCategory)) lines.push(`  ${category.padEnd(24)} ${formatCount(n).padStart(12)}`);
  lines.push('events by type:');
  for (const [type, n] of Object.entries(s.eventsByType)) lines.push(`  ${type.padEnd(32)} ${formatCount(n).padStart(12)}`);
  lines.push(`read models: ${s.readModels.file} (${s.readModels.bytes === null ? 'missing' : fileSize(s.readModels.bytes)})`);
  for (const p of s.readModels.projections) {
    const version =
      p.liveVersion === null
        ? 'not built yet'
        : p.liveVersion === p.version
          ? `v${p.version}`
          : `v${p.liveVersion} in the file, v${p.version} in this code (rebuilt at the next start)`;
    lines.push(`  ${p.name.padEnd(24)} position ${p.position.padStart(10)}  lag ${p.lag.padStart(8)}  ${version}`);
  }
  const others = Object.entries(s.otherFiles);
  if (others.length) lines.push(`other files: ${others.map(([name, bytes]) => `${name} (${fileSize(bytes)})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
