import type { SourceType } from '../ledger/ledger.events';

/** The longest id Approve & Post takes (`itemIds`: 1 to 100 letters, digits and `._:-`). */
export const MAX_ITEM_ID_LENGTH = 100;

/**
 * The prefixes of the ids the ledger makes itself, and the only kind of item that may carry each:
 * a time entry, charge, expense or purchase whose client id begins with one is refused, so a
 * derived id never names two items.
 */
export const DERIVED_ITEM_ID_PREFIXES: Readonly<Record<string, SourceType>> = {
  'ticket:': 'TICKET',
  'svc:': 'SERVICE_PERIOD',
  'svcadj:': 'SERVICE_ADJUSTMENT',
  'setup:': 'SETUP_FEE',
};

/** The source type a derived id's prefix reserves it for, or null for an id of the client's own. */
export function reservedSourceTypeOf(itemId: string): SourceType | null {
  const prefix = Object.keys(DERIVED_ITEM_ID_PREFIXES).find((p) => itemId.startsWith(p));
  return prefix === undefined ? null : DERIVED_ITEM_ID_PREFIXES[prefix];
}

const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_PRIME = 0x1000000000000000000013bn;
const MASK_128 = (1n << 128n) - 1n;

/** FNV-1a, 128 bits, over the text's UTF-16 code units (ids are ASCII), as 32 hex digits. */
export function fnv1a128(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * FNV_PRIME) & MASK_128;
  return hash.toString(16).padStart(32, '0');
}

/**
 * A stable id the ledger derives for an item it creates itself: `prefix:part:part…` when every
 * part is free of `:` and the whole fits `MAX_ITEM_ID_LENGTH` (readable, and read back one way
 * only); else `prefix::` and a 128-bit hash of the parts. A readable id never holds `::`, so the
 * two forms never meet.
 */
export function derivedItemId(prefix: string, parts: readonly string[]): string {
  const readable = `${prefix}:${parts.join(':')}`;
  if (readable.length <= MAX_ITEM_ID_LENGTH && parts.every((part) => part.length > 0 && !part.includes(':'))) return readable;
  return `${prefix}::${fnv1a128(parts.join('\u0000'))}`;
}
