import Database from 'better-sqlite3';
import type {
  AppendResult,
  EventData,
  EventFilter,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { EventStoreUnavailable } from '../errors/event-store-unavailable.error';
import { WrongExpectedVersion } from '../errors/wrong-expected-version.error';
import { chainEvents } from '../hash-chain/hash-chain';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` for tests. */
  filename: string;
  /** How often a live subscription looks for events appended by another process. */
  pollIntervalMs?: number;
  /** Events fetched per query when reading or catching up. */
  pageSize?: number;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT    NOT NULL,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
-- The idempotency lookup is by stream and event id; an index on the random event id alone would
-- scatter every append's writes over the whole index.
CREATE INDEX IF NOT EXISTS events_by_stream_event ON events (stream_id, event_id);
DROP INDEX IF EXISTS events_by_event_id;
`;

interface PendingAppend {
  stream: string;
  events: EventData[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    recordedAt: row.recorded_at,
  };
}

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/**
 * The embedded event store: one SQLite file in WAL mode, one table of events. Appends commit in
 * immediate transactions with `synchronous=FULL`, so an append is durable when its promise resolves.
 * Subscriptions are woken by appends made through this instance and poll for the others.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly wakers = new Set<() => void>();
  private readonly appendListeners = new Set<() => void>();
  private closed = false;

  private readonly lastEvent: Database.Statement<[string], { revision: number; hash: unknown }>;
  private readonly findEvent: Database.Statement<[string, string], { revision: number }>;
  private readonly eventAt: Database.Statement<[string, number], EventRow>;
  private readonly insert: Database.Statement<[string, string, number, string, string, string, string]>;
  private readonly head: Database.Statement<[], { position: number | null }>;
  private readonly streamForwards: Database.Statement<[string, number, number], EventRow>;
  private readonly streamBackwards: Database.Statement<[string, number, number], EventRow>;
  private readonly allForwards: Database.Statement<[number, number], EventRow>;
  private readonly allBackwards: Database.Statement<[number, number], EventRow>;
  private readonly appendOne: (stream: string, events: EventData[], expected: ExpectedRevision) => AppendResult;
  private readonly commitGroup: (work: () => void) => void;
  private readonly queue: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.pageSize = options.pageSize ?? 1000;
    try {
      this.db = new Database(options.filename);
      if (options.filename !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA);
    } catch (error) {
      throw new EventStoreUnavailable(`cannot open the event store at ${options.filename}: ${(error as Error).message}`, error);
    }
    // The stream's last revision and hash (its chain continues there), by the (stream_id, revision) index.
    this.lastEvent = this.db.prepare(
      "SELECT revision, CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.hash') END AS hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1",
    );
    this.findEvent = this.db.prepare('SELECT revision FROM events WHERE event_id = ? AND stream_id = ?');
    this.eventAt = this.db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision = ?');
    this.insert = this.db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.head = this.db.prepare('SELECT MAX(position) AS position FROM events');
    this.streamForwards = this.db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?');
    this.streamBackwards = this.db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?');
    this.allForwards = this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?');
    this.allBackwards = this.db.prepare('SELECT * FROM events WHERE position < ? ORDER BY position DESC LIMIT ?');
    // Nested in the group's transaction, each append is a savepoint: a refused one undoes only itself.
    this.appendOne = this.db.transaction((stream: string, events: EventData[], expected: ExpectedRevision) =>
      this.appendInTransaction(stream, events, expected),
    );
    this.commitGroup = this.db.transaction((work: () => void) => work()).immediate;
  }

  /**
   * Appends that arrive together are committed together (group commit): one transaction, one
   * fsync, each append in a savepoint of its own. Every promise resolves only after the commit.
   */
  appendToStream(stream: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    this.assertOpen();
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected: options.expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.queue.splice(0);
    if (group.length === 0) return;
    if (this.closed) {
      for (const append of group) append.reject(new EventStoreUnavailable('the event store is closed'));
      return;
    }
    const outcomes: ({ result: AppendResult } | { error: unknown })[] = [];
    try {
      this.commitGroup(() => {
        for (const append of group) {
          try {
            outcomes.push({ result: this.appendOne(append.stream, append.events, append.expected) });
          } catch (error) {
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the group was written.
      for (const append of group) append.reject(error);
      return;
    }
    if (group.some((append, i) => 'result' in outcomes[i] && append.events.length > 0)) {
      this.wakeSubscribers();
      for (const listener of this.appendListeners) listener();
    }
    group.forEach((append, i) => {
      const outcome = outcomes[i];
      if ('result' in outcome) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
  }

  private appendInTransaction(stream: string, events: EventData[], expected: ExpectedRevision): AppendResult {
    const lastEvent = this.lastEvent.get(stream);
    const last = lastEvent?.revision ?? null;
    const replay = events.length > 0 ? this.alreadyAppended(stream, events, expected, last) : undefined;
    if (replay) return replay;

    const actual = last === null ? 'no_stream' : BigInt(last);
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && last === null) ||
      (expected === 'stream_exists' && last !== null) ||
      (typeof expected === 'bigint' && last !== null && BigInt(last) === expected);
    if (!matches) throw new WrongExpectedVersion(stream, expected, actual);

    let revision = last ?? -1;
    let position = 0;
    const recordedAt = new Date().toISOString();
    const tail = lastEvent && { revision: BigInt(lastEvent.revision), hash: typeof lastEvent.hash === 'string' ? lastEvent.hash : undefined };
    for (const event of chainEvents(stream, tail, events)) {
      revision += 1;
      const info = this.insert.run(event.id, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt);
      position = Number(info.lastInsertRowid);
    }
    return {
      nextExpectedRevision: BigInt(revision),
      position: events.length > 0 ? BigInt(position) : BigInt(this.head.get()?.position ?? 0),
    };
  }

  /**
   * An append retried after a lost reply: its events are in the stream already, at the place the
   * expected revision names. Answer as the first append did. A partial match is a conflict.
   */
  private alreadyAppended(stream: string, events: EventData[], expected: ExpectedRevision, last: number | null): AppendResult | undefined {
    if (last === null) return undefined;
    const first = this.findEvent.get(events[0].id, stream);
    if (!first) return undefined;
    const start = first.revision;
    const placeMatches = expected === 'any' || expected === 'stream_exists' || (expected === 'no_stream' ? start === 0 : BigInt(start) === expected + 1n);
    if (!placeMatches) return undefined;
    let row: EventRow | undefined;
    for (let i = 0; i < events.length; i++) {
      row = this.eventAt.get(stream, start + i);
      if (!row || row.event_id !== events[i].id) return undefined;
    }
    return { nextExpectedRevision: BigInt(row!.revision), position: BigInt(row!.position) };
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    let cursor: number =
      from === undefined || from === 'start' || from === 'end'
        ? backwards
          ? from === 'start'
            ? -1
            : Number.MAX_SAFE_INTEGER
          : from === 'end'
            ? Number.MAX_SAFE_INTEGER
            : 0
        : Number(from);
    const page = backwards ? this.streamBackwards : this.streamForwards;
    return this.paged(options.maxCount, (limit) => {
      const rows = page.all(stream, cursor, limit);
      if (rows.length) cursor = rows[rows.length - 1].revision + (backwards ? -1 : 1);
      return rows;
    });
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    let cursor = options.fromPosition !== undefined ? Number(options.fromPosition) : backwards ? Number.MAX_SAFE_INTEGER : 0;
    const page = backwards ? this.allBackwards : this.allForwards;
    return this.paged(options.maxCount, (limit) => {
      const rows = page.all(cursor, limit);
      if (rows.length) cursor = rows[rows.length - 1].position;
      return rows;
    });
  }

  /** Pages through `fetch` so that no read holds more than one page in memory. */
  private async *paged(maxCount: number | undefined, fetch: (limit: number) => EventRow[]): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      this.assertOpen();
      const rows = fetch(Math.min(this.pageSize, remaining));
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < this.pageSize) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const { where, params } = filterClause(options.filter);
    const page = this.db.prepare<unknown[], EventRow>(`SELECT * FROM events WHERE position > ?${where} ORDER BY position ASC LIMIT ?`);
    let cursor = Number(options.fromPosition ?? 0n);
    let stopped = false;
    let wakeUp: (() => void) | undefined;
    const isOpen = () => !stopped && !this.closed;
    const fetch = () => page.all(cursor, ...params, this.pageSize);
    const waitForMore = () => this.nextAppendOrPoll((wake) => (wakeUp = wake));

    async function* events(): AsyncGenerator<RecordedEvent> {
      while (isOpen()) {
        const rows = fetch();
        for (const row of rows) {
          if (stopped) return;
          cursor = row.position;
          yield toRecorded(row);
        }
        if (rows.length === 0) await waitForMore();
      }
    }

    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        stopped = true;
        wakeUp?.();
        await iterator.return(undefined);
      },
    };
  }

  private nextAppendOrPoll(expose: (wake: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(wake, this.pollIntervalMs);
      timer.unref();
      const wakers = this.wakers;
      function wake(): void {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      }
      wakers.add(wake);
      expose(wake);
    });
  }

  private wakeSubscribers(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Calls `listener` after every commit that appended events through this instance. */
  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /**
   * Another connection to the same file (a thread or process told by its `onAppended`) has
   * appended: subscriptions read now instead of at their next poll.
   */
  notifyAppended(): void {
    this.wakeSubscribers();
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.head.get()?.position ?? 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush(); // appends already accepted are committed before the file closes
    this.closed = true;
    this.wakeSubscribers();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailable('the event store is closed');
  }
}

function filterClause(filter: EventFilter | undefined): { where: string; params: string[] } {
  let where = '';
  const params: string[] = [];
  if (filter?.streamPrefixes?.length) {
    where += ` AND (${filter.streamPrefixes.map(() => "stream_id LIKE ? ESCAPE '\\'").join(' OR ')})`;
    params.push(...filter.streamPrefixes.map(likePrefix));
  }
  if (filter?.eventTypes?.length) {
    where += ` AND type IN (${filter.eventTypes.map(() => '?').join(', ')})`;
    params.push(...filter.eventTypes);
  }
  return { where, params };
}
