import { RuleViolation } from '@billing/domain';

/**
 * The point an as-of query asks about: a global position (everything the store held once the event
 * at that position was appended) or a day (everything the store had recorded by the end of that
 * day, UTC, by each event's `recordedAt`; docs/decisions.md says why not `occurredAt`).
 */
export type AsOf = { kind: 'position'; position: bigint } | { kind: 'date'; date: string; recordedBefore: string };

/** The largest position a query names: a signed 64-bit integer, as the stores keep positions. */
export const MAX_AS_OF_POSITION = (1n << 63n) - 1n;

const POSITION = /^\d{1,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The point `text` names, or a sentence saying why it names none (a malformed or impossible date, a position out of range). */
export function parseAsOf(text: unknown): AsOf | string {
  if (typeof text !== 'string') return 'asOf must be a date YYYY-MM-DD or a global position (digits)';
  if (POSITION.test(text)) {
    const position = BigInt(text);
    return position <= MAX_AS_OF_POSITION ? { kind: 'position', position } : `asOf must be a position up to ${MAX_AS_OF_POSITION}`;
  }
  if (!DATE.test(text)) return 'asOf must be a date YYYY-MM-DD or a global position (digits)';
  const day = new Date(`${text}T00:00:00.000Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) return `asOf ${text} is not a date in the calendar`;
  const year = Number(text.slice(0, 4));
  if (year < 1900 || year > 2199) return 'asOf must be a date from 1900-01-01 to 2199-12-31';
  const next = new Date(day.getTime() + 24 * 60 * 60 * 1000);
  return { kind: 'date', date: text, recordedBefore: next.toISOString() };
}

/** The events of the history as it stood at `asOf`. Along one stream it is true up to some event and false after it. */
export function withinAsOf(asOf: AsOf): (event: { position: bigint; recordedAt: string }) => boolean {
  if (asOf.kind === 'position') return (event) => event.position <= asOf.position;
  const before = Date.parse(asOf.recordedBefore);
  return (event) => Date.parse(event.recordedAt) < before;
}

/** The point as an answer names it: the position asked, or the day and the instant it ends. */
export interface AsOfView {
  position: string | null;
  date: string | null;
  /** For a day: events recorded before this instant (the next midnight, UTC) are counted. */
  recordedBefore: string | null;
}

export function asOfView(asOf: AsOf): AsOfView {
  return asOf.kind === 'position'
    ? { position: asOf.position.toString(), date: null, recordedBefore: null }
    : { position: null, date: asOf.date, recordedBefore: asOf.recordedBefore };
}

/**
 * The point a request names, checked against the store: absent, the store's last event; a
 * position beyond it, or a day after today (UTC), is refused: its answer could still change.
 */
export function resolveAsOf(asked: AsOf | undefined, head: bigint, now: Date): AsOf {
  if (!asked) return { kind: 'position', position: head };
  if (asked.kind === 'position' && asked.position > head)
    throw new RuleViolation('as-of-in-future', `asOf ${asked.position} is beyond the store's last event, at position ${head}`);
  if (asked.kind === 'date' && asked.date > now.toISOString().slice(0, 10))
    throw new RuleViolation('as-of-in-future', `asOf ${asked.date} is after today (${now.toISOString().slice(0, 10)}, UTC)`);
  return asked;
}
