import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('sqlite (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  return {
    open: async () => new SqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 20 }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
