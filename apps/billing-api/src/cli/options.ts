import { InvalidArgumentError } from 'commander';
import { CATEGORY_PATTERN, EVENT_TYPE_PATTERN, MAX_FILTER_NAMES } from '../events/feed-filter';

/** `--from-position`: a global position, exclusive (as the feed's `fromPosition`). */
export function parsePosition(value: string): bigint {
  if (!/^\d{1,19}$/.test(value)) throw new InvalidArgumentError('a position is a whole number (0 or more).');
  return BigInt(value);
}

/** `--limit`: 1 to 1000. */
export function parseLimit(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 1000) throw new InvalidArgumentError('give a whole number from 1 to 1000.');
  return Number(value);
}

/** A comma-separated list of names, checked as the feed checks its `types` and `category` filters (docs/event-feed.md). */
function nameList(what: string, pattern: RegExp) {
  return (value: string): string[] => {
    const names = value.split(',').map((name) => name.trim());
    if (names.length > MAX_FILTER_NAMES) throw new InvalidArgumentError(`at most ${MAX_FILTER_NAMES} ${what}s.`);
    const bad = names.find((name) => !pattern.test(name));
    if (bad !== undefined)
      throw new InvalidArgumentError(
        `"${bad}" is not ${what === 'type' ? 'an event type' : 'a stream category'} (letters, digits and _ . :${what === 'type' ? ' -' : ''}, starting with a letter).`,
      );
    return names;
  };
}

export const parseTypes = nameList('type', EVENT_TYPE_PATTERN);
export const parseCategories = nameList('category', CATEGORY_PATTERN);
