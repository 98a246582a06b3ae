import { Inject, Injectable } from '@nestjs/common';
import Database from 'better-sqlite3';
import { readModelFile, type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { READ_MODEL_DB } from './read-model-db.token';

/** Rows read one at a time, and the connection they come from, closed by `close` (also when the rows were not all read). */
export interface RowSource<Row> {
  rows: Iterable<Row>;
  close(): void;
}

/**
 * Reads that last while their rows are written out (a streamed export waits for a slow client).
 * SQLite keeps a connection busy for as long as a statement is being iterated, and that connection
 * reads the snapshot the statement started on: on the shared connection, every other request would
 * read that old snapshot meanwhile. So each such read gets a read-only connection of its own, closed
 * when it is done. With in-memory read models (tests) there is no second connection to open: the rows
 * are read whole first, as the projections write on that same connection.
 */
@Injectable()
export class ReadModelReaders {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODEL_DB) private readonly shared: Database.Database,
  ) {}

  rows<Row>(read: (db: Database.Database) => IterableIterator<Row>): RowSource<Row> {
    if (this.config.dataDir === ':memory:') return { rows: [...read(this.shared)], close: () => undefined };
    const db = new Database(readModelFile(this.config), { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const rows = read(db);
      return {
        rows,
        close: () => {
          rows.return?.();
          db.close();
        },
      };
    } catch (error) {
      db.close();
      throw error;
    }
  }
}
