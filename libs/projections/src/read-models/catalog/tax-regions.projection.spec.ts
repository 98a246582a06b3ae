import type Database from 'better-sqlite3';
import type { TaxRegionCreated, TaxRegionTerms } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { taxRegionsProjection } from './tax-regions.projection';
import { findTaxRegion, listTaxRegions } from './tax-regions.query';

const region = (terms: TaxRegionTerms, occurredAt: string) => ({
  event: { type: 'TaxRegionCreated', data: terms } satisfies TaxRegionCreated,
  streamId: `taxRegion-${terms.taxRegionId}`,
  occurredAt,
});

const events = [
  region(
    {
      taxRegionId: 'qc',
      name: 'Quebec',
      // given in this order on purpose: not by category, name or rate
      rates: [
        { taxCategory: 'goods', name: 'QST', rate: '0.09975', compound: false },
        { taxCategory: 'goods', name: 'GST', rate: '0.05', compound: false },
        { taxCategory: 'labour', name: 'GST', rate: '0.05', compound: false },
      ],
    },
    '2026-01-01T00:00:00.000Z',
  ),
  region(
    {
      taxRegionId: 'ny',
      name: 'New York City',
      rates: [
        { taxCategory: 'goods', name: 'State', rate: '0.04', compound: false },
        { taxCategory: 'goods', name: 'City', rate: '0.04875', compound: true },
      ],
    },
    '2026-01-02T00:00:00.000Z',
  ),
  region({ taxRegionId: 'none', name: 'Exempt zone', rates: [] }, '2026-01-03T00:00:00.000Z'),
];

describe('tax-regions read model', () => {
  it('shows a region with its rates in the order given', async () => {
    // given
    const spec = projectionSpec(taxRegionsProjection).given(events);
    // then
    await spec.then((db) => findTaxRegion(db, 'qc'), {
      id: 'qc',
      name: 'Quebec',
      rates: [
        { taxCategory: 'goods', name: 'QST', rate: '0.09975', compound: false },
        { taxCategory: 'goods', name: 'GST', rate: '0.05', compound: false },
        { taxCategory: 'labour', name: 'GST', rate: '0.05', compound: false },
      ],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('keeps which rate is compound, and a region without rates', async () => {
    // given
    const db = await projectionSpec(taxRegionsProjection).given(events).readModel();
    // then
    expect(findTaxRegion(db, 'ny')?.rates).toEqual([
      { taxCategory: 'goods', name: 'State', rate: '0.04', compound: false },
      { taxCategory: 'goods', name: 'City', rate: '0.04875', compound: true },
    ]);
    expect(findTaxRegion(db, 'none')).toEqual({ id: 'none', name: 'Exempt zone', rates: [], createdAt: '2026-01-03T00:00:00.000Z' });
  });

  it('lists by name and finds nothing for an unknown id', async () => {
    // given
    const db = await projectionSpec(taxRegionsProjection).given(events).readModel();
    // then
    expect(listTaxRegions(db).map((r) => r.id)).toEqual(['none', 'ny', 'qc']);
    expect(findTaxRegion(db, 'nope')).toBeUndefined();
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => taxRegionsProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(taxRegionsProjection).given(events);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(3);
    expect(second).toEqual(first);
  });
});
