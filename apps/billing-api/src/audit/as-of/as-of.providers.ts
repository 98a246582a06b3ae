import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { readModelFile, type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { LedgerReplays } from './ledger-replays';
import { LedgerSnapshots } from './ledger-snapshots';

/** Where the ledger snapshots live: beside this instance's read models (derived data too), in a file of their own. */
export const ledgerSnapshotsFile = (config: AppConfig) =>
  config.dataDir === ':memory:' ? ':memory:' : join(dirname(readModelFile(config)), 'audit-snapshots.sqlite');

/** The replays behind the as-of queries, and their snapshots. */
export const AS_OF_PROVIDERS: Provider[] = [
  {
    provide: LedgerSnapshots,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const file = ledgerSnapshotsFile(config);
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      return new LedgerSnapshots(file);
    },
  },
  {
    provide: LedgerReplays,
    inject: [EVENT_STORE, LedgerSnapshots],
    useFactory: (store: EventStore, snapshots: LedgerSnapshots) => new LedgerReplays(store, snapshots),
  },
];
