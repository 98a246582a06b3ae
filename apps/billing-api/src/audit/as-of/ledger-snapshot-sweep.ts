import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { listAccounts } from '@billing/projections';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { LEDGER_SNAPSHOT_EVERY, LedgerReplays } from './ledger-replays';

/**
 * Takes the as-of queries' snapshots as ledgers grow, outside any request: every
 * `auditSnapshotSweepMs` (`LEDGER_AUDIT_SNAPSHOT_SECONDS`), each ledger (one per account) with
 * `LEDGER_SNAPSHOT_EVERY` events or more since its latest snapshot is snapshotted ahead to its
 * head. Without it the first as-of query over a long ledger replays all of it (over a second at
 * 100,000 events). Snapshots are derived data: an instance sweeps its own file.
 */
@Injectable()
export class LedgerSnapshotSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LedgerSnapshotSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly replays: LedgerReplays,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.auditSnapshotSweepMs) this.schedule(this.config.auditSnapshotSweepMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep: answers the ledgers snapshotted and the snapshots left. */
  async sweep(): Promise<{ ledgers: number; snapshots: number }> {
    let ledgers = 0;
    let snapshots = 0;
    for (const { id } of listAccounts(this.db)) {
      if (this.stopped) break;
      if ((await this.replays.eventsSinceSnapshot(id)) < BigInt(LEDGER_SNAPSHOT_EVERY)) continue;
      ledgers += 1;
      snapshots += await this.replays.snapshotAhead(id);
    }
    return { ledgers, snapshots };
  }

  private schedule(everyMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then((done) => done.ledgers && this.logger.log({ msg: 'audit snapshots', ...done }))
        .catch((error: unknown) => this.logger.error(`audit snapshot sweep failed: ${error instanceof Error ? error.stack : String(error)}`))
        .finally(() => this.schedule(everyMs));
    }, everyMs);
    this.timer.unref();
  }
}
