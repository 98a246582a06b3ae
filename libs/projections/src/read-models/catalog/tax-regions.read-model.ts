import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { TaxRegionEvent, TaxRegionRate } from '@billing/domain';
import type { Projection } from '../../runner/projection';
import { domainEvent, occurredAt } from '../domain-event';

/** A tax region with its rates in the order given; rates as canonical decimal strings ("0.08875"). */
export interface TaxRegionView {
  id: string;
  name: string;
  rates: TaxRegionRate[];
  createdAt: string;
}

interface TaxRegionRow {
  id: string;
  name: string;
  rates: string;
  created_at: string;
}

export const taxRegionsProjection: Projection = {
  name: 'tax-regions',
  version: 1,
  tables: ['tax_regions'],
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS tax_regions (id TEXT PRIMARY KEY, name TEXT NOT NULL, rates TEXT NOT NULL, created_at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO tax_regions (id, name, rates, created_at) VALUES (?, ?, ?, ?)');
    return (recorded) => {
      const event = domainEvent<TaxRegionEvent>(recorded);
      switch (event.type) {
        case 'TaxRegionCreated': {
          const t = event.data;
          const rates = t.rates.map((r) => ({ taxCategory: r.taxCategory, name: r.name, rate: r.rate, compound: r.compound }));
          insert.run(t.taxRegionId, t.name, JSON.stringify(rates), occurredAt(recorded));
          return;
        }
      }
    };
  },
};

function toView(row: TaxRegionRow): TaxRegionView {
  return { id: row.id, name: row.name, rates: JSON.parse(row.rates) as TaxRegionRate[], createdAt: row.created_at };
}

export function findTaxRegion(db: Database.Database, id: string): TaxRegionView | undefined {
  const row = cached<[string], TaxRegionRow>(db, 'SELECT * FROM tax_regions WHERE id = ?').get(id);
  return row && toView(row);
}

export function listTaxRegions(db: Database.Database): TaxRegionView[] {
  return cached<[], TaxRegionRow>(db, 'SELECT * FROM tax_regions ORDER BY name, id').all().map(toView);
}
