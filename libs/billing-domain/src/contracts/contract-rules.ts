import { dec } from '../shared/decimal';
import type { ContractType } from '../rating/rating-inputs';
import type { ContractPurchaseKind, ContractTerms } from './contract.decider';

/** A contract lasts at most this long (billing-rules §3). */
export const CONTRACT_MAX_YEARS = 20;

/**
 * The type-specific fields and the contract types that take them (billing-rules §3, §5, §6).
 * A Retainer has no overage rate: its shortfall is billed at the rated amount.
 */
export const TYPE_SPECIFIC_FIELDS = {
  roleRates: ['TIME_AND_MATERIALS', 'BLOCK_HOURS', 'RETAINER', 'FIXED_PRICE'],
  overageRate: ['BLOCK_HOURS', 'PER_TICKET'],
  blockHourMultipliers: ['BLOCK_HOURS'],
  periodType: ['RECURRING_SERVICE'],
} as const satisfies Record<string, readonly ContractType[]>;

/** Which contract type takes each kind of purchase. */
export const PURCHASE_CONTRACT_TYPE = {
  BLOCK: 'BLOCK_HOURS',
  RETAINER: 'RETAINER',
  TICKETS: 'PER_TICKET',
} as const satisfies Record<ContractPurchaseKind, ContractType>;

export function typeList(types: readonly string[]): string {
  return types.length <= 1 ? types.join('') : `${types.slice(0, -1).join(', ')} and ${types[types.length - 1]}`;
}

/** The same calendar day `years` later (29 February → 1 March when the later year has none). */
export function addYears(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

export function sameDecimal(a: string, b: string): boolean {
  return dec(a).eq(dec(b));
}

/** Lists of ids compared as sets. */
export function sameIdSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/** Terms with ids sorted and decimals normalized, so that equal terms compare equal however they were written. */
function canonical(terms: ContractTerms): string {
  const d = (value: string | null) => (value === null ? null : dec(value).toFixed());
  const byRole = <T extends { roleId: string }>(rows: readonly T[]) => [...rows].sort((x, y) => x.roleId.localeCompare(y.roleId));
  const normalized: Record<string, unknown> = {
    ...terms,
    excludedWorkTypeIds: [...new Set(terms.excludedWorkTypeIds)].sort(),
    excludedRoleIds: [...new Set(terms.excludedRoleIds)].sort(),
    roleRates: byRole(terms.roleRates).map((r) => ({ roleId: r.roleId, hourlyRate: d(r.hourlyRate) })),
    blockHourMultipliers: byRole(terms.blockHourMultipliers).map((m) => ({ roleId: m.roleId, multiplier: d(m.multiplier) })),
    overageRate: d(terms.overageRate),
    setupFee: d(terms.setupFee),
  };
  return JSON.stringify(Object.fromEntries(Object.keys(normalized).sort().map((key) => [key, normalized[key]])));
}

export function sameTerms(a: ContractTerms, b: ContractTerms): boolean {
  return canonical(a) === canonical(b);
}
