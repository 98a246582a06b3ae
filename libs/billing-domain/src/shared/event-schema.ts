import type { DomainEvent } from './decider';

/**
 * Events are forever: a schema changes by a new version and an upcaster, never by editing what is
 * stored. `upcasters[type][n]` turns version n+1 data into version n+2 data; an event is read at
 * the version it was written with (metadata `schemaVersion`, 1 when absent) and raised to the
 * current one before any `evolve` or projection sees it.
 */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;
export type UpcasterRegistry = Readonly<Record<string, readonly Upcaster[]>>;

/** No event type has changed shape yet. */
export const UPCASTERS: UpcasterRegistry = {};

export function currentSchemaVersion(type: string, registry: UpcasterRegistry = UPCASTERS): number {
  return (registry[type]?.length ?? 0) + 1;
}

export function upcast<E extends DomainEvent>(event: { type: string; data: unknown; schemaVersion?: number }, registry: UpcasterRegistry = UPCASTERS): E {
  const chain = registry[event.type] ?? [];
  let data = event.data as Record<string, unknown>;
  for (let version = event.schemaVersion ?? 1; version <= chain.length; version++) data = chain[version - 1](data);
  return { type: event.type, data } as E;
}
