import type Database from 'better-sqlite3';

/** One row that is not the same in the live file and in the replay. */
export interface RowDifference {
  table: string;
  /** The row's primary key (every column for a table without one), each value as an SQL literal (`'acme'`, `42`, `NULL`). */
  key: Record<string, string>;
  kind: 'changed' | 'only-in-live' | 'only-in-replay';
  /** For `changed`: the columns that differ, as SQL literals. */
  columns?: { column: string; live: string; replayed: string }[];
}

export interface TableComparison {
  table: string;
  liveRows: number;
  replayedRows: number;
  /** Rows (by key) that differ. */
  differences: number;
  /** The first few, in the order of the key. */
  first: RowDifference[];
  /** Set when the rows could not be compared: the table is missing from the live file, or its columns differ. */
  problem?: string;
}

interface Column {
  name: string;
  type: string;
  /** 1-based place in the primary key; 0 when not in it. */
  pk: number;
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function tableColumns(db: Database.Database, schema: string, table: string): Column[] {
  return db.prepare(`PRAGMA ${quoteName(schema)}.table_info(${quoteName(table)})`).all() as Column[];
}

export function tableNames(db: Database.Database, schema: string): string[] {
  return (
    db.prepare(`SELECT name FROM ${quoteName(schema)}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

/**
 * Compares one table of two databases attached to `db` as `live` and `replayed` (schema names),
 * row by row, in SQLite itself: the rows of each side that the other lacks (EXCEPT), each value
 * taken as its SQL literal (`quote()`, so 1, 1.0 and '1' differ, as the bytes a client reads would),
 * then paired by primary key into changed rows and rows only one side has. A table without a
 * primary key is compared as a multiset (each distinct row with its count). The work tables are
 * TEMP tables (SQLite's temporary files, not memory), dropped at the end.
 */
export function compareTable(db: Database.Database, live: string, replayed: string, table: string, keep: number): TableComparison {
  const count = (schema: string) => (db.prepare(`SELECT count(*) AS n FROM ${quoteName(schema)}.${quoteName(table)}`).get() as { n: number }).n;
  const replayedColumns = tableColumns(db, replayed, table);
  const liveColumns = tableColumns(db, live, table);
  const replayedRows = count(replayed);
  if (liveColumns.length === 0) return { table, liveRows: 0, replayedRows, differences: 1, first: [], problem: 'the table is missing from the live file' };
  const liveRows = count(live);
  const shape = (columns: Column[]) => columns.map((c) => `${c.name} ${c.type}${c.pk ? ` pk${c.pk}` : ''}`).join(', ');
  if (shape(liveColumns) !== shape(replayedColumns))
    return {
      table,
      liveRows,
      replayedRows,
      differences: 1,
      first: [],
      problem: `the columns differ: live (${shape(liveColumns)}), replayed (${shape(replayedColumns)})`,
    };

  const keyed = replayedColumns.some((c) => c.pk > 0);
  const names = replayedColumns.map((c) => c.name);
  const keyNames = keyed
    ? [...replayedColumns]
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
    : names;
  // A table without a key: each distinct row once, with how many times it is there.
  const valueNames = keyed ? names : [...names, 'n'];
  const source = (schema: string) =>
    keyed
      ? `${quoteName(schema)}.${quoteName(table)}`
      : `(SELECT ${names.map(quoteName).join(', ')}, count(*) AS n FROM ${quoteName(schema)}.${quoteName(table)} GROUP BY ${names.map(quoteName).join(', ')})`;
  const keys = keyNames.map((name, i) => `${quoteName(name)} AS k${i}`).join(', ');
  const row = `json_array(${valueNames.map((name) => `quote(${quoteName(name)})`).join(', ')})`;
  const select = (schema: string) => `SELECT ${keys}, ${row} AS row FROM ${source(schema)}`;
  const keyList = keyNames.map((_, i) => `k${i}`).join(', ');
  const sameKey = (a: string, b: string) => keyNames.map((_, i) => `${a}.k${i} IS ${b}.k${i}`).join(' AND ');

  db.exec(`DROP TABLE IF EXISTS temp.replay_live_only; DROP TABLE IF EXISTS temp.replay_replayed_only`);
  try {
    db.exec(`CREATE TEMP TABLE replay_live_only AS ${select(live)} EXCEPT ${select(replayed)}`);
    db.exec(`CREATE TEMP TABLE replay_replayed_only AS ${select(replayed)} EXCEPT ${select(live)}`);
    db.exec(`CREATE INDEX temp.replay_live_only_key ON replay_live_only (${keyList})`);
    db.exec(`CREATE INDEX temp.replay_replayed_only_key ON replay_replayed_only (${keyList})`);
    const differing = `
      SELECT ${keyNames.map((_, i) => `l.k${i} AS k${i}`).join(', ')}, l.row AS live, r.row AS replayed
        FROM replay_live_only l LEFT JOIN replay_replayed_only r ON ${sameKey('l', 'r')}
      UNION ALL
      SELECT ${keyNames.map((_, i) => `r.k${i} AS k${i}`).join(', ')}, NULL AS live, r.row AS replayed
        FROM replay_replayed_only r WHERE NOT EXISTS (SELECT 1 FROM replay_live_only l WHERE ${sameKey('l', 'r')})`;
    const differences = (db.prepare(`SELECT count(*) AS n FROM (${differing})`).get() as { n: number }).n;
    const first = (db.prepare(`${differing} ORDER BY ${keyList} LIMIT ?`).all(keep) as { live: string | null; replayed: string | null }[]).map((found) =>
      rowDifference(table, valueNames, keyNames, found.live, found.replayed),
    );
    return { table, liveRows, replayedRows, differences, first };
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp.replay_live_only; DROP TABLE IF EXISTS temp.replay_replayed_only`);
  }
}

function rowDifference(table: string, valueNames: string[], keyNames: string[], liveJson: string | null, replayedJson: string | null): RowDifference {
  const values = (json: string | null) => (json === null ? undefined : (JSON.parse(json) as string[]));
  const liveValues = values(liveJson);
  const replayedValues = values(replayedJson);
  const either = (liveValues ?? replayedValues)!;
  const key = Object.fromEntries(keyNames.map((name) => [name, either[valueNames.indexOf(name)]]));
  if (liveValues && replayedValues) {
    const columns = valueNames.flatMap((column, i) =>
      liveValues[i] === replayedValues[i] ? [] : [{ column, live: liveValues[i], replayed: replayedValues[i] }],
    );
    return { table, key, kind: 'changed', columns };
  }
  return { table, key, kind: liveValues ? 'only-in-live' : 'only-in-replay' };
}
