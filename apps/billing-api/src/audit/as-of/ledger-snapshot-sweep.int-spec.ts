import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { currentSchemaVersion, type AccountCreated } from '@billing/domain';
import { postedItem } from '@billing/domain/testing/fixtures';
import { SqliteEventStore } from '@billing/event-store';
import { accountsProjection } from '@billing/projections/read-models/accounts/accounts.projection';
import { projectionSpec } from '@billing/projections/testing/projection-spec';
import type { AppConfig } from '../../config/app-config';
import { LEDGER_SNAPSHOT_EVERY, LedgerReplays } from './ledger-replays';
import { LedgerSnapshotSweep } from './ledger-snapshot-sweep';
import { LedgerSnapshots } from './ledger-snapshots';

const account = (accountId: string): AccountCreated => ({
  type: 'AccountCreated',
  data: {
    accountId,
    name: accountId,
    parentAccountId: null,
    invoiceToParent: false,
    taxRegionId: null,
    taxExempt: false,
    paymentTermsDays: 30,
    currency: 'USD',
  },
});

/** `count` posted charges on the account's ledger, appended in batches of 1,000. */
async function postCharges(store: SqliteEventStore, accountId: string, count: number): Promise<void> {
  for (let from = 0; from < count; from += 1000) {
    const events = Array.from({ length: Math.min(1000, count - from) }, (_, i) => {
      const n = from + i;
      const data = postedItem({ billingItemId: `bi-ch-${accountId}-${n}-1`, sourceItemId: `ch-${accountId}-${n}`, billToAccountId: accountId, amount: '1.00' });
      return { id: randomUUID(), type: 'ItemPosted', data, metadata: { actor: 'a', schemaVersion: currentSchemaVersion('ItemPosted') } };
    });
    await store.appendToStream(`ledger-${accountId}`, events, { expectedRevision: 'any' });
  }
}

describe('the background sweep of audit snapshots', () => {
  let store: SqliteEventStore;
  let snapshots: LedgerSnapshots;
  let readModels: Database.Database;

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    snapshots = new LedgerSnapshots(':memory:');
    readModels = await projectionSpec(accountsProjection)
      .given(['acme', 'globex', 'initech'].map((id) => ({ event: account(id), streamId: `account-${id}` })))
      .readModel();
  });
  afterEach(async () => {
    readModels.close();
    snapshots.close();
    await store.close();
  });

  it('snapshots each ledger with LEDGER_SNAPSHOT_EVERY events or more since its last snapshot, and leaves the others', async () => {
    // given: acme's ledger holds 2.5 × the interval, globex's one event fewer than it, initech has none
    await postCharges(store, 'acme', LEDGER_SNAPSHOT_EVERY * 2.5);
    await postCharges(store, 'globex', LEDGER_SNAPSHOT_EVERY - 1);
    const sweep = new LedgerSnapshotSweep({} as AppConfig, readModels, new LedgerReplays(store, snapshots));
    // when
    const first = await sweep.sweep();
    // then: acme snapshotted at its 10,000th and 20,000th events; globex and initech untouched
    expect(first).toEqual({ ledgers: 1, snapshots: 2 });
    expect(snapshots.revisionsOf('ledger-acme')).toEqual([BigInt(LEDGER_SNAPSHOT_EVERY - 1), BigInt(2 * LEDGER_SNAPSHOT_EVERY - 1)]);
    expect(snapshots.revisionsOf('ledger-globex')).toEqual([]);
    // and: swept again with nothing new, nothing to do; once globex has grown past the interval, it is snapshotted
    expect(await sweep.sweep()).toEqual({ ledgers: 0, snapshots: 0 });
    await postCharges(store, 'globex', 1);
    expect(await sweep.sweep()).toEqual({ ledgers: 1, snapshots: 1 });
    expect(snapshots.revisionsOf('ledger-globex')).toEqual([BigInt(LEDGER_SNAPSHOT_EVERY - 1)]);
  });
});
