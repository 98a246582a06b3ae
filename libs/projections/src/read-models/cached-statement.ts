import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A query prepared once per database and SQL text, for lookups made on every request. */
export function cached<Params extends unknown[], Row>(db: Database.Database, sql: string): Database.Statement<Params, Row> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared as unknown as Database.Statement<Params, Row>;
}
