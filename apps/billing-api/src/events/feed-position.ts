/** Global positions and stream revisions are 64-bit: the largest a client may send. */
export const MAX_POSITION = 2n ** 63n - 1n;

const DECIMAL_INTEGER = /^(0|[1-9][0-9]{0,18})$/;

/** A position or revision as a client writes it (`0`, `42`): a decimal integer from 0 to 2^63 - 1, else undefined. */
export function parsePosition(text: unknown): bigint | undefined {
  if (typeof text !== 'string' || !DECIMAL_INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value <= MAX_POSITION ? value : undefined;
}

export const POSITION_MESSAGE = 'must be a whole number from 0 to 9223372036854775807';

/** Where an event stream starts, as the client said it: the strongest claim wins. */
export interface ResumeRequest {
  /** The `Last-Event-ID` header: an EventSource sends it on every reconnect, with the URL it first used. */
  lastEventIdHeader?: string;
  /** The `lastEventId` query parameter, for clients that cannot set headers. */
  lastEventId?: string;
  fromPosition?: string;
}

/**
 * The position after which an event stream starts (exclusive), or the field that is not a
 * position. `Last-Event-ID` comes first because a reconnecting EventSource repeats its first URL
 * (with its `fromPosition`) and only the header says how far it got. An empty header is absent
 * (the EventSource spec sends none before the first id; some clients send it empty).
 */
export function resumePosition(request: ResumeRequest): { position: bigint } | { field: string } {
  const candidates: [string, string | undefined][] = [
    ['Last-Event-ID', request.lastEventIdHeader || undefined],
    ['lastEventId', request.lastEventId],
    ['fromPosition', request.fromPosition],
  ];
  for (const [field, text] of candidates) {
    if (text === undefined) continue;
    const position = parsePosition(text);
    return position === undefined ? { field } : { position };
  }
  return { position: 0n };
}
