import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_PROJECTIONS, openReadModelDatabase, type Projection } from '@billing/projections';
import { CliError, EXIT_FOUND, EXIT_OK } from '../cli-error';
import { openLedgerStore, type LedgerData } from '../ledger-data';
import { formatCount, formatSeconds, startProgress, type ProgressOptions } from '../progress';
import { compareTable, tableNames, type RowDifference, type TableComparison } from './compare-read-models';
import { rebuildReadModels, type RebuildTarget } from './rebuild-read-models';

export interface ReplayOptions {
  /** Keep the rebuilt read models in this new file; default: a temporary file, deleted at the end. */
  out?: string;
  /** Differences to show. */
  limit: number;
  json: boolean;
}

/** Something the replay found that is not a row: a projection at another version, one that failed, a live file ahead of the store. */
export interface ReplayProblem {
  projection?: string;
  table?: string;
  detail: string;
}

/** What `ledger replay --json` prints. */
export interface ReplayReport {
  ok: boolean;
  storeHeadPosition: string;
  /** The positions the replay stopped at (the live checkpoints), with the projections at each. */
  replayedTo: { position: string; projections: string[] }[];
  /** Events between the lowest live checkpoint and the store's head (the live file is that far behind). */
  liveBehindBy: string;
  eventsRead: number;
  rebuildSeconds: number;
  tablesCompared: number;
  rows: { live: number; replayed: number };
  /** Rows that differ, plus problems. */
  differences: number;
  problems: ReplayProblem[];
  firstDifferences: RowDifference[];
  /** Tables of the live file that no projection keeps (the service's other state): not compared. */
  notCompared: string[];
  /** The file the read models were rebuilt into, when kept (`--out`). */
  out?: string;
}

interface Checkpoint {
  name: string;
  version: number;
  position: number;
}

const CHECKPOINTS_TABLE = 'projection_checkpoints';

/**
 * `ledger replay`: rebuilds every read model from position 0 into a fresh file with the service's
 * `ProjectionRunner` and `ALL_PROJECTIONS`, each up to the position its live checkpoint names, and
 * compares the result with the live read-model file, table by table and row by row.
 *
 * The live file is read in one read transaction that starts before the rebuild and ends after the
 * comparison, so a service that keeps running (and writing) meanwhile does not move what is
 * compared: its checkpoints and its rows are of one moment. Holding that transaction keeps the
 * service's write-ahead log from being reset until the replay ends.
 */
export async function replayCommand(data: LedgerData, options: ReplayOptions, progress: ProgressOptions, out: NodeJS.WritableStream): Promise<number> {
  const liveFile = data.readModelFile;
  if (!existsSync(liveFile)) throw new CliError(`no read models in ${data.config.dataDir} (${liveFile} is missing): nothing to compare with`);
  const target = replayFile(options.out, liveFile);
  const store = await openLedgerStore(data);
  let replayDb: Database.Database | undefined;
  let live: Database.Database | undefined;
  try {
    replayDb = openReadModelDatabase(target.file);
    live = new Database(liveFile, { readonly: true, fileMustExist: true });
    live.pragma('busy_timeout = 5000');
    live.prepare("ATTACH DATABASE ? AS 'replayed'").run(target.file);
    live.prepare('BEGIN').run();
    const checkpoints = liveCheckpoints(live, liveFile);
    const head = await store.headPosition();

    const problems: ReplayProblem[] = [];
    const { targets, skipped } = rebuildTargets(checkpoints, head, problems);
    const lastTarget = targets.reduce((max, t) => (t.toPosition > max ? t.toPosition : max), 0n);
    const started = performance.now();
    const bar = startProgress('replay', 0n, lastTarget, progress);
    const rebuilt = await rebuildReadModels(store, replayDb, targets, { onProgress: (position, events) => bar.update(position, events) });
    bar.done();
    const rebuildSeconds = (performance.now() - started) / 1000;
    for (const failure of rebuilt.failures)
      problems.push({ projection: failure.projection, detail: `the projection failed during the replay: ${failure.error}` });

    const owned = new Set(ALL_PROJECTIONS.flatMap((p) => p.tables));
    const skippedTables = new Set(skipped.flatMap((p) => p.tables));
    const failedTables = new Set(ALL_PROJECTIONS.filter((p) => rebuilt.failures.some((f) => f.projection === p.name)).flatMap((p) => p.tables));
    const toCompare = tableNames(replayDb, 'main').filter((t) => t !== CHECKPOINTS_TABLE && !skippedTables.has(t) && !failedTables.has(t));
    const comparing = startProgress('compare', 0n, BigInt(toCompare.length), progress, 'rows');
    let rowsCompared = 0;
    const comparisons: TableComparison[] = toCompare.map((table, i) => {
      const comparison = compareTable(live!, 'main', 'replayed', table, options.limit);
      rowsCompared += comparison.liveRows;
      comparing.update(BigInt(i + 1), rowsCompared);
      return comparison;
    });
    comparing.done();
    const notCompared = tableNames(live, 'main').filter((t) => t !== CHECKPOINTS_TABLE && !owned.has(t) && !toCompare.includes(t));
    live.prepare('COMMIT').run();

    for (const c of comparisons) if (c.problem) problems.push({ table: c.table, detail: c.problem });
    const rowDifferences = comparisons.reduce((n, c) => n + (c.problem ? 0 : c.differences), 0);
    const lowest = targets.length ? targets[0].toPosition : head;
    const report: ReplayReport = {
      ok: problems.length === 0 && rowDifferences === 0,
      storeHeadPosition: head.toString(),
      replayedTo: targets.map((t) => ({ position: t.toPosition.toString(), projections: t.projections.map((p) => p.name) })),
      liveBehindBy: (head > lowest ? head - lowest : 0n).toString(),
      eventsRead: rebuilt.eventsRead,
      rebuildSeconds: Math.round(rebuildSeconds * 100) / 100,
      tablesCompared: comparisons.length,
      rows: { live: comparisons.reduce((n, c) => n + c.liveRows, 0), replayed: comparisons.reduce((n, c) => n + c.replayedRows, 0) },
      differences: problems.length + rowDifferences,
      problems,
      firstDifferences: comparisons.flatMap((c) => c.first).slice(0, options.limit),
      notCompared,
      ...(target.keep ? { out: target.file } : {}),
    };
    out.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describeReplay(report, options.limit));
    return report.ok ? EXIT_OK : EXIT_FOUND;
  } finally {
    live?.close();
    replayDb?.close();
    await store.close();
    target.dispose();
  }
}

function replayFile(out: string | undefined, liveFile: string): { file: string; keep: boolean; dispose: () => void } {
  if (out !== undefined) {
    const file = resolve(out);
    if (file === resolve(liveFile)) throw new CliError('--out names the live read-model file: give a new file');
    if (existsSync(file)) throw new CliError(`--out ${file} already exists: give a new file (a replay starts from an empty database)`);
    if (!existsSync(dirname(file))) throw new CliError(`--out ${file}: the folder ${dirname(file)} does not exist`);
    return { file, keep: true, dispose: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ledger-replay-'));
  // An interrupted replay must not leave a copy of the read models behind in the temporary folder.
  const interrupted = (signal: NodeJS.Signals) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  return {
    file: join(dir, 'read-models.sqlite'),
    keep: false,
    dispose: () => {
      process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function liveCheckpoints(live: Database.Database, liveFile: string): Map<string, Checkpoint> {
  const exists = live.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?").get(CHECKPOINTS_TABLE);
  if (!exists) throw new CliError(`${liveFile} is not a read-model file: it has no ${CHECKPOINTS_TABLE} table`);
  const rows = live.prepare(`SELECT name, version, position FROM main.${CHECKPOINTS_TABLE}`).all() as Checkpoint[];
  return new Map(rows.map((row) => [row.name, row]));
}

/**
 * Each projection is replayed up to its live checkpoint (0 when it has none), grouped by position,
 * lowest first. A projection whose live version is not this code's is not replayed (the service
 * rebuilds it at its next start: its rows are of other code); one whose checkpoint is past the
 * store's head is replayed to the head and reported.
 */
function rebuildTargets(checkpoints: Map<string, Checkpoint>, head: bigint, problems: ReplayProblem[]): { targets: RebuildTarget[]; skipped: Projection[] } {
  const byPosition = new Map<bigint, Projection[]>();
  const skipped: Projection[] = [];
  for (const projection of ALL_PROJECTIONS) {
    const checkpoint = checkpoints.get(projection.name);
    if (checkpoint && checkpoint.version !== projection.version) {
      problems.push({
        projection: projection.name,
        detail: `the live file holds version ${checkpoint.version} of this read model, this code version ${projection.version}: the service rebuilds it at its next start; not compared`,
      });
      skipped.push(projection);
      continue;
    }
    let position = BigInt(checkpoint?.position ?? 0);
    if (position > head) {
      problems.push({
        projection: projection.name,
        detail: `the live checkpoint is at position ${position}, past the store's head ${head}: replayed to the head`,
      });
      position = head;
    }
    byPosition.set(position, [...(byPosition.get(position) ?? []), projection]);
  }
  const targets = [...byPosition].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([toPosition, projections]) => ({ toPosition, projections }));
  return { targets, skipped };
}

function describeRow(d: RowDifference): string {
  const key = Object.entries(d.key)
    .map(([column, value]) => `${column}=${value}`)
    .join(', ');
  if (d.kind === 'changed') return `  ${d.table} (${key}): ${d.columns!.map((c) => `${c.column} live ${c.live}, replayed ${c.replayed}`).join('; ')}`;
  return `  ${d.table} (${key}): ${d.kind === 'only-in-live' ? 'only in the live file' : 'missing from the live file'}`;
}

function describeReplay(r: ReplayReport, limit: number): string {
  const lines: string[] = [];
  const positions = r.replayedTo.map((t) => t.position);
  const where =
    positions.length <= 1 ? `position ${positions[0] ?? '0'}` : `positions ${positions.join(', ')} (the live projections stand at different checkpoints)`;
  lines.push(`replayed ${formatCount(r.eventsRead)} events up to ${where} in ${formatSeconds(r.rebuildSeconds)}; store head ${r.storeHeadPosition}`);
  if (r.liveBehindBy !== '0')
    lines.push(
      `the live read models are ${r.liveBehindBy} positions behind the store's head: compared up to where they stand; later events are not part of the comparison`,
    );
  lines.push(`compared ${r.tablesCompared} tables: ${formatCount(r.rows.live)} live rows, ${formatCount(r.rows.replayed)} replayed rows`);
  if (r.notCompared.length) lines.push(`not compared (no projection keeps them): ${r.notCompared.join(', ')}`);
  for (const p of r.problems) lines.push(`  ${p.projection ?? p.table}: ${p.detail}`);
  if (r.ok) lines.push('no differences');
  else {
    lines.push(
      `${formatCount(r.differences)} difference${r.differences === 1 ? '' : 's'}${r.firstDifferences.length ? `; the first ${Math.min(limit, r.firstDifferences.length)} rows:` : ''}`,
    );
    for (const d of r.firstDifferences) lines.push(describeRow(d));
  }
  if (r.out) lines.push(`the rebuilt read models are in ${r.out}`);
  return `${lines.join('\n')}\n`;
}
