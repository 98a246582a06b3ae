// Roles, work types, exclusion sets, tax regions, billing codes: deciders and events.
export {};
