import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';

/** A key's last use is written at most this often, so a busy key costs one write a minute, not one per request. */
const WRITE_EVERY_MS = 60_000;

/**
 * When each key was last used on this instance. Not an event: a use decides nothing, and a
 * use per request in the ledger would drown the decisions. Kept in a small database of its own
 * beside the read models, so it survives restarts and read-model rebuilds.
 */
@Injectable()
export class ApiKeyUsage implements OnApplicationShutdown {
  private readonly db: Database.Database;
  private readonly written = new Map<string, number>();
  private readonly record: Database.Statement<[string, string]>;
  private readonly all: Database.Statement<[], { id: string; lastUsedAt: string }>;
  private readonly one: Database.Statement<[string], { lastUsedAt: string }>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.db = new Database(config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'api-key-usage.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 1000');
    this.db.exec('CREATE TABLE IF NOT EXISTS api_key_usage (id TEXT PRIMARY KEY, last_used_at TEXT NOT NULL)');
    this.record = this.db.prepare(
      'INSERT INTO api_key_usage (id, last_used_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET last_used_at = excluded.last_used_at',
    );
    this.all = this.db.prepare('SELECT id, last_used_at AS lastUsedAt FROM api_key_usage');
    this.one = this.db.prepare('SELECT last_used_at AS lastUsedAt FROM api_key_usage WHERE id = ?');
  }

  used(apiKeyId: string, at = new Date()): void {
    const last = this.written.get(apiKeyId);
    if (last !== undefined && at.getTime() - last < WRITE_EVERY_MS) return;
    this.written.set(apiKeyId, at.getTime());
    this.record.run(apiKeyId, at.toISOString());
  }

  lastUsed(): Map<string, string> {
    return new Map(this.all.all().map((r) => [r.id, r.lastUsedAt]));
  }

  lastUsedOf(apiKeyId: string): string | null {
    return this.one.get(apiKeyId)?.lastUsedAt ?? null;
  }

  onApplicationShutdown(): void {
    this.db.close();
  }
}
