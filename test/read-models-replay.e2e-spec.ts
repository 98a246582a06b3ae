import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { ALL_PROJECTIONS, Projections } from '@billing/projections';
import { READ_MODEL_DB } from '../apps/billing-api/src/infrastructure/read-model-db.token';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp } from './support/test-app';

function dumpAll(db: Database.Database): Record<string, unknown[]> {
  const tables = ALL_PROJECTIONS.flatMap((p) => p.tables);
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]));
}

const scenario = fc.record({
  entries: fc.array(
    fc.record({
      workTypeId: fc.constantFrom('remote', 'onsite', 'out-of-hours'),
      quarters: fc.integer({ min: 1, max: 24 }),
      day: fc.integer({ min: 2, max: 27 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  batches: fc.array(fc.array(fc.nat(7), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  unposts: fc.array(fc.nat(7), { maxLength: 3 }),
});

describe('replaying the events gives the same read models (fast-check over random work)', () => {
  it('rebuilding every projection from position 0 gives identical rows; balances never go below zero', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ entries, batches, unposts }) => {
        const t = await startTestApp();
        try {
          // given: random entries on the linked contracts, posted in random batches, some unposted
          const technician = await t.keyFor('technician');
          const ids = await setUpLinkedContracts(t, { blockHours: '4' });
          const entryIds = entries.map((_, i) => `te${i}`);
          for (const [i, e] of entries.entries()) {
            await logTime(t, technician, {
              id: entryIds[i],
              accountId: 'acme',
              workTypeId: e.workTypeId,
              dateWorked: `2026-11-${String(e.day).padStart(2, '0')}`,
              hoursWorked: String(e.quarters / 4),
            });
          }
          for (const batch of batches) {
            const itemIds = [...new Set(batch.map((n) => entryIds[n % entryIds.length]))];
            await t.as().post('/api/approve-and-post').send({ itemIds, postedDate: '2026-11-28' }).expect(200);
          }
          const posted = (await t.as().get('/api/billing-items?accountId=acme').expect(200)).body.items as { id: string }[];
          for (const n of unposts) {
            if (posted.length === 0) break;
            const target = posted[n % posted.length];
            const res = await t.as().post(`/api/billing-items/${target.id}/unpost`).send({ reason: 'property' });
            expect(res.status).toBe(200);
          }
          const balance = (await t.as().get(`/api/contracts/${ids.blk}/balance`).expect(200)).body;
          expect(Number(balance.remaining)).toBeGreaterThanOrEqual(0);
          expect(Number(balance.used)).toBeLessThanOrEqual(4);

          // the dashboard's running totals equal a scan of its rows
          const db = t.app.get<Database.Database>(READ_MODEL_DB);
          const scanned = db
            .prepare(
              `SELECT stage, account_id, COALESCE(contract_id, '') AS contract_id, COUNT(*) AS count,
                SUM(amount_cents / 1000000000) AS cents_high, SUM(amount_cents % 1000000000) AS cents_low FROM dashboard_items GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
            )
            .all();
          expect(db.prepare('SELECT * FROM dashboard_totals ORDER BY 1, 2, 3').all()).toEqual(scanned);

          // when: every read model is dropped and replayed from the store
          const runner = t.app.get(Projections);
          await runner.stop();
          const before = dumpAll(db);
          for (const projection of ALL_PROJECTIONS) await runner.rebuild(projection.name);

          // then: byte for byte the same rows
          expect(dumpAll(db)).toEqual(before);
        } finally {
          await t.dispose();
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
