import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const taxRegionsProjection = billingProjection({
  name: 'tax-regions',
  version: 1,
  tables: ['tax_regions'],
  canHandle: ['TaxRegionCreated'],
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS tax_regions (id TEXT PRIMARY KEY, name TEXT NOT NULL, rates TEXT NOT NULL, created_at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO tax_regions (id, name, rates, created_at) VALUES (?, ?, ?, ?)');
    return (event, recorded) => {
      switch (event.type) {
        case 'TaxRegionCreated': {
          const t = event.data;
          const rates = t.rates.map((r) => ({ taxCategory: r.taxCategory, name: r.name, rate: r.rate, compound: r.compound }));
          insert.run(t.taxRegionId, t.name, JSON.stringify(rates), occurredAt(recorded));
          return;
        }
        default: {
          const unknown: never = event.type;
          return unknown;
        }
      }
    };
  },
});
