import { dec } from '../shared/decimal';
import type { ItemOverrides } from './item-approval';

/** What an item is approved or posted with: its posted date and the approver's overrides (`{}` for none). */
export interface StandingChoices {
  postedDate: string;
  overrides: ItemOverrides;
}

/**
 * What a request asks for one item. Absent means the request did not choose: no `postedDate` (it
 * would be today's) or no entry for the item in `overrides`. An entry is the item's whole choice:
 * `{}` asks for no overrides.
 */
export interface AskedChoices {
  postedDate?: string;
  overrides?: ItemOverrides;
}

const DECIMAL_FIELDS = ['hoursToBill', 'hourlyRate', 'amount'] as const;

const shown = (value: string | null | undefined, absent: string) => (value === undefined ? absent : value === null ? 'none' : value);

/**
 * Where the request asks for something other than what the item stands on, one phrase each
 * ("hourlyRate 150, not 160"); empty when it asks for the same (or chooses nothing). Decimals are
 * compared as numbers; `reason` is not compared: it explains a re-route, it is not a choice.
 */
export function choiceDifferences(standing: StandingChoices, asked: AskedChoices): string[] {
  const differences: string[] = [];
  if (asked.postedDate !== undefined && asked.postedDate !== standing.postedDate)
    differences.push(`postedDate ${standing.postedDate}, not ${asked.postedDate}`);
  if (asked.overrides === undefined) return differences;
  for (const field of DECIMAL_FIELDS) {
    const had = standing.overrides[field];
    const wants = asked.overrides[field];
    const same = had === undefined || wants === undefined ? had === wants : dec(had).equals(dec(wants));
    if (!same) differences.push(`${field} ${shown(had, 'none')}, not ${shown(wants, 'none')}`);
  }
  const had = standing.overrides.contractId;
  const wants = asked.overrides.contractId;
  if (had !== wants) differences.push(`contractId ${shown(had, 'as routed')}, not ${shown(wants, 'as routed')}`);
  return differences;
}
