import type Database from 'better-sqlite3';
import type { AccountCreated, AccountTerms } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { accountsProjection } from './accounts.projection';
import { findAccount, listAccounts } from './accounts.query';

const account = (overrides: Partial<AccountTerms>): AccountCreated => ({
  type: 'AccountCreated',
  data: {
    accountId: 'acme',
    name: 'Acme',
    parentAccountId: null,
    invoiceToParent: false,
    taxRegionId: 'ny',
    taxExempt: false,
    paymentTermsDays: 30,
    currency: 'USD',
    ...overrides,
  },
});

/** Each account on its own stream, created on 2026-01-0n. */
const events = [
  { event: account({ accountId: 'initech-2', name: 'Initech' }), streamId: 'account-initech-2', occurredAt: '2026-01-01T00:00:00.000Z' },
  {
    event: account({
      accountId: 'globex',
      name: 'Globex',
      parentAccountId: 'acme',
      invoiceToParent: true,
      taxRegionId: null,
      taxExempt: true,
      paymentTermsDays: 15,
      currency: 'CAD',
    }),
    streamId: 'account-globex',
    occurredAt: '2026-01-02T00:00:00.000Z',
  },
  { event: account({}), streamId: 'account-acme', occurredAt: '2026-01-03T00:00:00.000Z' },
  { event: account({ accountId: 'initech-1', name: 'Initech' }), streamId: 'account-initech-1', occurredAt: '2026-01-04T00:00:00.000Z' },
];

const readModel = () => projectionSpec(accountsProjection).given(events).readModel();

describe('accounts read model', () => {
  it('finds an account by id with its terms, flags as booleans and when it was created', async () => {
    // given
    const spec = projectionSpec(accountsProjection).given(events);
    // then
    await spec.then((db) => findAccount(db, 'globex'), {
      id: 'globex',
      name: 'Globex',
      parentAccountId: 'acme',
      invoiceToParent: true,
      taxRegionId: null,
      taxExempt: true,
      paymentTermsDays: 15,
      currency: 'CAD',
      createdAt: '2026-01-02T00:00:00.000Z',
    });
    await spec.then((db) => findAccount(db, 'acme'), {
      id: 'acme',
      name: 'Acme',
      parentAccountId: null,
      invoiceToParent: false,
      taxRegionId: 'ny',
      taxExempt: false,
      paymentTermsDays: 30,
      currency: 'USD',
      createdAt: '2026-01-03T00:00:00.000Z',
    });
  });

  it('finds nothing for an id no account has', async () => {
    // given
    const spec = projectionSpec(accountsProjection).given(events);
    // then
    await spec.then((db) => findAccount(db, 'nobody'), undefined);
  });

  it('lists accounts by name, then id', async () => {
    // given: created Initech (initech-2), Globex, Acme, Initech (initech-1)
    const db = await readModel();
    // when
    const ids = listAccounts(db).map((a) => a.id);
    // then
    expect(ids).toEqual(['acme', 'globex', 'initech-1', 'initech-2']);
  });

  it('lists nothing before any account is created', async () => {
    // given
    const spec = projectionSpec(accountsProjection).given([]);
    // then
    await spec.then(listAccounts, []);
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => accountsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    // when
    const first = dump(await readModel());
    const second = dump(await readModel());
    // then
    expect(first).toHaveLength(1);
    expect(first[0]).toHaveLength(4);
    expect(second).toEqual(first);
  });
});
