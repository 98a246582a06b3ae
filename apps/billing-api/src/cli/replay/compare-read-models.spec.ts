import Database from 'better-sqlite3';
import { compareTable } from './compare-read-models';

describe('compareTable: one table of the live and the replayed read models, row by row', () => {
  /** Two in-memory databases attached to one connection as `live` and `replayed`, each set up by its own SQL. */
  function databases(live: string, replayed: string): Database.Database {
    const db = new Database(':memory:');
    db.exec("ATTACH DATABASE ':memory:' AS live; ATTACH DATABASE ':memory:' AS replayed");
    db.exec(live.replace(/\$/g, 'live.'));
    db.exec(replayed.replace(/\$/g, 'replayed.'));
    return db;
  }

  it('finds nothing in equal tables, and counts their rows', () => {
    // given
    const rows = "CREATE TABLE $t (id TEXT PRIMARY KEY, n INTEGER); INSERT INTO $t VALUES ('a', 1), ('b', 2)";
    const db = databases(rows, rows);

    // then
    expect(compareTable(db, 'live', 'replayed', 't', 10)).toEqual({ table: 't', liveRows: 2, replayedRows: 2, differences: 0, first: [] });
  });

  it('pairs rows by primary key: changed columns, rows only in the live file, rows missing from it, in key order', () => {
    // given: b changed in two columns, c only live, d only replayed; the key has two columns
    const schema = 'CREATE TABLE $t (k1 TEXT, k2 INTEGER, x TEXT, y REAL, PRIMARY KEY (k2, k1));';
    const db = databases(
      `${schema} INSERT INTO $t VALUES ('a', 1, 'same', 1.5), ('b', 2, 'live', 2.5), ('c', 3, 'gone', NULL)`,
      `${schema} INSERT INTO $t VALUES ('a', 1, 'same', 1.5), ('b', 2, 'replayed', 3.5), ('d', 4, 'new', NULL)`,
    );

    // when
    const found = compareTable(db, 'live', 'replayed', 't', 10);

    // then: the key in primary-key order (k2, then k1), values as SQL literals
    expect(found.differences).toBe(3);
    expect(found.first).toEqual([
      {
        table: 't',
        key: { k2: '2', k1: "'b'" },
        kind: 'changed',
        columns: [
          { column: 'x', live: "'live'", replayed: "'replayed'" },
          { column: 'y', live: '2.5', replayed: '3.5' },
        ],
      },
      { table: 't', key: { k2: '3', k1: "'c'" }, kind: 'only-in-live' },
      { table: 't', key: { k2: '4', k1: "'d'" }, kind: 'only-in-replay' },
    ]);
  });

  it('tells an integer from the same number as text or as a real', () => {
    // given: the same value 1 stored as an integer, as text, as a real (a column without a type keeps what it is given)
    const db = databases(
      "CREATE TABLE $t (id TEXT PRIMARY KEY, v); INSERT INTO $t VALUES ('int', 1), ('text', 1), ('real', 1)",
      "CREATE TABLE $t (id TEXT PRIMARY KEY, v); INSERT INTO $t VALUES ('int', 1), ('text', '1'), ('real', 1.0)",
    );

    // then
    const found = compareTable(db, 'live', 'replayed', 't', 10);
    expect(found.first.map((d) => [d.key.id, d.columns])).toEqual([
      ["'real'", [{ column: 'v', live: '1', replayed: '1.0' }]],
      ["'text'", [{ column: 'v', live: '1', replayed: "'1'" }]],
    ]);
  });

  it('compares a table without a primary key as a multiset: a duplicated row is a difference', () => {
    // given: the live file has the row (x) twice, the replay once
    const db = databases("CREATE TABLE $t (v TEXT); INSERT INTO $t VALUES ('x'), ('x'), ('y')", "CREATE TABLE $t (v TEXT); INSERT INTO $t VALUES ('x'), ('y')");

    // then
    const found = compareTable(db, 'live', 'replayed', 't', 10);
    expect(found).toMatchObject({ liveRows: 3, replayedRows: 2, differences: 1 });
    expect(found.first).toEqual([{ table: 't', key: { v: "'x'" }, kind: 'changed', columns: [{ column: 'n', live: '2', replayed: '1' }] }]);
  });

  it('reports a table missing from the live file, or with other columns, without comparing rows', () => {
    // given
    const missing = databases('CREATE TABLE $other (a)', 'CREATE TABLE $t (id TEXT PRIMARY KEY); INSERT INTO $t VALUES (1)');
    const reshaped = databases('CREATE TABLE $t (id TEXT PRIMARY KEY, a TEXT)', 'CREATE TABLE $t (id TEXT PRIMARY KEY, a INTEGER)');

    // then
    expect(compareTable(missing, 'live', 'replayed', 't', 10)).toMatchObject({
      differences: 1,
      replayedRows: 1,
      problem: 'the table is missing from the live file',
    });
    expect(compareTable(reshaped, 'live', 'replayed', 't', 10).problem).toMatch(
      /^the columns differ: live \(id TEXT pk1, a TEXT\), replayed \(id TEXT pk1, a INTEGER\)$/,
    );
  });

  it('shows at most `keep` differences but counts them all', () => {
    // given: 25 rows changed
    const db = databases(
      "CREATE TABLE $t (id INTEGER PRIMARY KEY, v TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) INSERT INTO $t SELECT i, 'a' FROM n",
      "CREATE TABLE $t (id INTEGER PRIMARY KEY, v TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) INSERT INTO $t SELECT i, 'b' FROM n",
    );

    // then
    const found = compareTable(db, 'live', 'replayed', 't', 3);
    expect(found.differences).toBe(25);
    expect(found.first.map((d) => d.key.id)).toEqual(['1', '2', '3']);
  });
});
