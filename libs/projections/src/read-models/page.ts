import type Database from 'better-sqlite3';
import { cached } from './cached-statement';
import type { SqlWhere } from './sql-where';

/** Which rows of a list to answer: `limit` of them, after skipping `offset`, in the list's order. */
export interface PageBounds {
  limit: number;
  offset: number;
}

/** One page of a list's rows, and how many rows its filter selects in all. */
export interface RowPage<T> {
  rows: T[];
  total: number;
}

export interface PagedSelect {
  columns: string;
  from: string;
  where: SqlWhere;
  /** Must end with a unique key, so that pages neither repeat nor skip a row. */
  orderBy: string;
}

/**
 * A page of `SELECT columns FROM from WHERE … ORDER BY orderBy` and the count of every row the
 * WHERE selects, both in SQL, so that a page costs its own rows and not the whole list's. One
 * read transaction: the page and its total see the same rows while the projections write.
 */
export function selectPage<Row>(db: Database.Database, { columns, from, where, orderBy }: PagedSelect, page: PageBounds): RowPage<Row> {
  const rows = cached<unknown[], Row>(db, `SELECT ${columns} FROM ${from}${where.clause} ORDER BY ${orderBy} LIMIT ? OFFSET ?`);
  const count = cached<unknown[], { total: number }>(db, `SELECT COUNT(*) AS total FROM ${from}${where.clause}`);
  return db.transaction(() => ({ rows: rows.all(...where.params, page.limit, page.offset), total: count.get(...where.params)!.total }))();
}
