import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const rolesProjection = billingProjection({
  name: 'roles',
  version: 1,
  tables: ['roles'],
  canHandle: ['RoleCreated'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS roles (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, hourly_rate TEXT NOT NULL, hourly_cost TEXT NOT NULL,
      block_hour_multiplier TEXT NOT NULL, created_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO roles (id, name, hourly_rate, hourly_cost, block_hour_multiplier, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    return (event, recorded) => {
      switch (event.type) {
        case 'RoleCreated': {
          const t = event.data;
          insert.run(t.roleId, t.name, t.hourlyRate, t.hourlyCost, t.blockHourMultiplier, occurredAt(recorded));
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
