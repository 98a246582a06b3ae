import type Database from 'better-sqlite3';
import { cached } from '../cached-statement';
import type { TaxRegionRate, TaxRegionTerms } from '@billing/domain';

/** A tax region with its rates in the order given; rates as canonical decimal strings ("0.08875"). */
export type TaxRegionView = { id: string } & Omit<TaxRegionTerms, 'taxRegionId'> & { createdAt: string };

interface TaxRegionRow {
  id: string;
  name: string;
  rates: string;
  created_at: string;
}

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
