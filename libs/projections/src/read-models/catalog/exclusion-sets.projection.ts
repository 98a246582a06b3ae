import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const exclusionSetsProjection = billingProjection({
  name: 'exclusion-sets',
  version: 1,
  tables: ['exclusion_sets'],
  canHandle: ['ExclusionSetCreated', 'ExclusionSetChanged'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS exclusion_sets (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, work_type_ids TEXT NOT NULL, role_ids TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO exclusion_sets (id, name, work_type_ids, role_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE exclusion_sets SET name = ?, work_type_ids = ?, role_ids = ?, updated_at = ? WHERE id = ?');
    return (event, recorded) => {
      switch (event.type) {
        case 'ExclusionSetCreated': {
          const t = event.data;
          const at = occurredAt(recorded);
          insert.run(t.exclusionSetId, t.name, JSON.stringify(t.workTypeIds), JSON.stringify(t.roleIds), at, at);
          return;
        }
        case 'ExclusionSetChanged': {
          const t = event.data;
          update.run(t.name, JSON.stringify(t.workTypeIds), JSON.stringify(t.roleIds), occurredAt(recorded), t.exclusionSetId);
          return;
        }
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
