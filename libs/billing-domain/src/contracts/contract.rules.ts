import { canonicalDecimal } from '../catalog/catalog-decimal';
import { findExclusionCycle } from '../rating/routing';
import { dec } from '../shared/decimal';
import { NotFound, RuleViolation } from '../shared/domain-errors';
import { MAX_HOURLY_RATE, MAX_ITEM_AMOUNT, MAX_MULTIPLIER } from '../shared/money-bounds';
import type {
  ContractPurchase,
  ContractPurchaseKind,
  ContractService,
  ContractStatus,
  ContractTerms,
  ContractTermsChanges,
  ContractType,
  NewContractTerms,
} from './contract.events';
import { CHANGEABLE_TERMS } from './contract.events';
import { toRoutingContract } from './routing-contract';

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
  licenceTolerancePercent: ['RECURRING_SERVICE'],
} as const satisfies Record<string, readonly ContractType[]>;

/** Which contract type takes each kind of purchase. */
export const PURCHASE_CONTRACT_TYPE = {
  BLOCK: 'BLOCK_HOURS',
  RETAINER: 'RETAINER',
  TICKETS: 'PER_TICKET',
} as const satisfies Record<ContractPurchaseKind, ContractType>;

/**
 * What the handler found of the ids a command names, loaded from their streams just before the
 * decision. An id the command names but the references do not hold does not exist (404).
 */
export interface ContractReferences {
  /** Existing accounts among those named (the contract's, the bill-to), with their parent. */
  accounts?: Readonly<Record<string, { parentAccountId: string | null }>>;
  roleIds?: readonly string[];
  workTypeIds?: readonly string[];
  exclusionSetIds?: readonly string[];
  billingCodeIds?: readonly string[];
  /** The proposed exclusion contract and every contract reachable from it by exclusion links. */
  contracts?: Readonly<Record<string, ContractTerms>>;
}

const MONEY = { maxPlaces: 4, min: '0', max: MAX_ITEM_AMOUNT } as const;
/** Bounds of a contract's licence tolerance, in percent. */
export const TOLERANCE_PERCENT = { maxPlaces: 2, min: '0', max: '1000' } as const;
/** Bounds of quantities that must be more than nothing (hours, amounts). */
export const POSITIVE = { maxPlaces: 4, greaterThan: '0', max: MAX_ITEM_AMOUNT } as const;

/** A decimal of a contract (fee, units, price) in canonical form, at least 0. */
export const canonicalMoney = (value: string, field: string) => canonicalDecimal(value, field, MONEY);
/** An hourly (or per-ticket overage) rate of a contract in canonical form. */
export const canonicalRate = (value: string, field: string) => canonicalDecimal(value, field, { maxPlaces: 4, min: '0', max: MAX_HOURLY_RATE });
const canonicalMultiplier = (value: string, field: string) => canonicalDecimal(value, field, { maxPlaces: 4, min: '0', max: MAX_MULTIPLIER });

function typeList(types: readonly string[]): string {
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
function sameIdSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Terms with ids sorted and decimals normalized, so that equal terms compare equal however they were written. */
function comparable(terms: ContractTerms): string {
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
    licenceTolerancePercent: d(terms.licenceTolerancePercent),
  };
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(normalized)
        .sort()
        .map((key) => [key, normalized[key]]),
    ),
  );
}

export function sameTerms(a: ContractTerms, b: ContractTerms): boolean {
  return comparable(a) === comparable(b);
}

export function checkDates(startDate: string, endDate: string): void {
  if (endDate <= startDate) throw new RuleViolation('contract-dates', `the end date ${endDate} must be after the start date ${startDate}`);
  const latest = addYears(startDate, CONTRACT_MAX_YEARS);
  if (endDate > latest)
    throw new RuleViolation('contract-length', `a contract lasts at most ${CONTRACT_MAX_YEARS} years: the end date ${endDate} is after ${latest}`);
}

export function checkTypeFields(terms: NewContractTerms): void {
  const given: Record<keyof typeof TYPE_SPECIFIC_FIELDS, boolean> = {
    roleRates: terms.roleRates.length > 0,
    overageRate: terms.overageRate !== null,
    blockHourMultipliers: terms.blockHourMultipliers.length > 0,
    periodType: terms.periodType !== null,
    licenceTolerancePercent: terms.licenceTolerancePercent !== null,
  };
  for (const field of Object.keys(TYPE_SPECIFIC_FIELDS) as (keyof typeof TYPE_SPECIFIC_FIELDS)[]) {
    const types: readonly ContractType[] = TYPE_SPECIFIC_FIELDS[field];
    if (given[field] && !types.includes(terms.type)) {
      throw new RuleViolation('field-not-for-contract-type', `${field} is not for a ${terms.type} contract; it is for ${typeList(types)} contracts`);
    }
  }
  if (terms.type === 'RECURRING_SERVICE' && terms.periodType === null)
    throw new RuleViolation('field-required-for-contract-type', 'periodType is required for a RECURRING_SERVICE contract');
}

/** Decimals in canonical form ("150.00" → "150"), id lists without repeats, in a fixed key order. */
export function canonicalTerms(terms: NewContractTerms, status: ContractStatus): ContractTerms {
  const optionalMoney = (value: string | null, field: string) => (value === null ? null : canonicalMoney(value, field));
  return {
    contractId: terms.contractId,
    accountId: terms.accountId,
    name: terms.name,
    type: terms.type,
    startDate: terms.startDate,
    endDate: terms.endDate,
    status,
    purchaseOrderNumber: terms.purchaseOrderNumber,
    isDefault: terms.isDefault,
    exclusionSetId: terms.exclusionSetId,
    excludedWorkTypeIds: unique(terms.excludedWorkTypeIds),
    excludedRoleIds: unique(terms.excludedRoleIds),
    exclusionContractId: terms.exclusionContractId,
    billToAccountId: terms.billToAccountId,
    roleRates: terms.roleRates.map((r, i) => ({ roleId: r.roleId, hourlyRate: canonicalRate(r.hourlyRate, `roleRates.${i}.hourlyRate`) })),
    overageRate: terms.overageRate === null ? null : canonicalRate(terms.overageRate, 'overageRate'),
    blockHourMultipliers: terms.blockHourMultipliers.map((m, i) => ({
      roleId: m.roleId,
      multiplier: canonicalMultiplier(m.multiplier, `blockHourMultipliers.${i}.multiplier`),
    })),
    periodType: terms.periodType,
    setupFee: optionalMoney(terms.setupFee, 'setupFee'),
    licenceTolerancePercent:
      terms.licenceTolerancePercent === null ? null : canonicalDecimal(terms.licenceTolerancePercent, 'licenceTolerancePercent', TOLERANCE_PERCENT),
    renewalPeriod: terms.renewalPeriod,
  };
}

export function checkRolesOnce(terms: NewContractTerms): void {
  for (const [field, rows] of [
    ['roleRates', terms.roleRates],
    ['blockHourMultipliers', terms.blockHourMultipliers],
  ] as const) {
    const seen = new Set<string>();
    for (const { roleId } of rows) {
      if (seen.has(roleId)) throw new RuleViolation('duplicate-role', `${field} names role ${roleId} twice`);
      seen.add(roleId);
    }
  }
}

export function requireFound(entity: string, ids: Iterable<string | null>, found: readonly string[] | undefined): void {
  for (const id of ids) if (id !== null && !(found ?? []).includes(id)) throw new NotFound(entity, id);
}

/** The exclusion contract exists, belongs to the account or its parent, and makes no cycle. */
function checkExclusionContract(contractId: string, accountId: string, exclusionContractId: string | null, references: ContractReferences): void {
  if (exclusionContractId === null) return;
  const contracts = references.contracts ?? {};
  const lookup = (id: string) => {
    const terms = contracts[id];
    return terms && toRoutingContract(terms);
  };
  // A link to itself is a cycle before it is a missing contract.
  if (exclusionContractId === contractId) throwCycle([contractId, contractId]);
  const target = contracts[exclusionContractId];
  if (target === undefined) throw new NotFound('exclusion contract', exclusionContractId);
  const parentAccountId = references.accounts?.[accountId]?.parentAccountId ?? null;
  if (target.accountId !== accountId && target.accountId !== parentAccountId) {
    throw new RuleViolation(
      'exclusion-contract-account',
      `exclusion contract ${exclusionContractId} belongs to account ${target.accountId}; it must belong to account ${accountId}${parentAccountId ? ` or its parent ${parentAccountId}` : ''}`,
    );
  }
  const cycle = findExclusionCycle(contractId, exclusionContractId, lookup);
  if (cycle) throwCycle(cycle);
}

function throwCycle(cycle: string[]): never {
  throw new RuleViolation('exclusion-cycle', `exclusion contracts would form a cycle: ${cycle.join(' → ')}`);
}

/** Every id the terms name exists, in the order of docs/decisions.md; the exclusion contract fits. */
export function checkReferences(contractId: string, terms: Partial<NewContractTerms> & { accountId: string }, references: ContractReferences): void {
  const accounts = Object.keys(references.accounts ?? {});
  requireFound('account', [terms.accountId], accounts);
  requireFound('bill-to account', [terms.billToAccountId ?? null], accounts);
  requireFound('exclusion set', [terms.exclusionSetId ?? null], references.exclusionSetIds);
  requireFound('work type', terms.excludedWorkTypeIds ?? [], references.workTypeIds);
  const roleIds = [
    ...(terms.excludedRoleIds ?? []),
    ...(terms.roleRates ?? []).map((r) => r.roleId),
    ...(terms.blockHourMultipliers ?? []).map((m) => m.roleId),
  ];
  requireFound('role', roleIds, references.roleIds);
  checkExclusionContract(contractId, terms.accountId, terms.exclusionContractId ?? null, references);
}

/** The changes that differ from the terms (lists compared as sets). */
export function changedTerms(terms: ContractTerms, changes: ContractTermsChanges): ContractTermsChanges {
  const changed: ContractTermsChanges = {};
  for (const field of CHANGEABLE_TERMS) {
    const given = changes[field];
    const value = Array.isArray(given) ? unique(given) : given;
    if (value === undefined) continue;
    const current = terms[field];
    const same = Array.isArray(value) && Array.isArray(current) ? sameIdSet(value, current) : value === current;
    if (!same) Object.assign(changed, { [field]: value });
  }
  return changed;
}

/** A new end date may not cut off a purchase. */
export function checkEndDateAfterPurchases(endDate: string, purchases: readonly ContractPurchase[]): void {
  const last = purchases.reduce<ContractPurchase | null>((latest, p) => (latest === null || p.endDate > latest.endDate ? p : latest), null);
  if (last !== null && endDate < last.endDate)
    throw new RuleViolation('end-date-before-purchase', `the end date ${endDate} is before the end date ${last.endDate} of purchase ${last.purchaseId}`);
}

/** Same purchase: kind, dates, billing code and quantities (decimals compared by value); sequence and time aside. */
export function samePurchase(a: ContractPurchase, b: ContractPurchase): boolean {
  if (a.startDate !== b.startDate || a.endDate !== b.endDate || a.billingCodeId !== b.billingCodeId) return false;
  switch (a.kind) {
    case 'BLOCK':
      return b.kind === 'BLOCK' && sameDecimal(a.hours, b.hours) && sameDecimal(a.hourlyRate, b.hourlyRate);
    case 'RETAINER':
      return b.kind === 'RETAINER' && sameDecimal(a.amount, b.amount);
    case 'TICKETS':
      return b.kind === 'TICKETS' && a.tickets === b.tickets && sameDecimal(a.perTicketRate, b.perTicketRate);
    default: {
      const unknown: never = a;
      return unknown;
    }
  }
}

/** A purchase fits its contract: the contract's type takes it, and it runs inside the contract's dates. */
export function checkPurchaseFits(purchase: ContractPurchase, terms: ContractTerms): void {
  const contractType = PURCHASE_CONTRACT_TYPE[purchase.kind];
  if (terms.type !== contractType)
    throw new RuleViolation(
      'purchase-not-for-contract-type',
      `a ${purchase.kind} purchase needs a ${contractType} contract; ${terms.contractId} is ${terms.type}`,
    );
  if (purchase.endDate < purchase.startDate)
    throw new RuleViolation('purchase-dates', `the purchase's end date ${purchase.endDate} is before its start date ${purchase.startDate}`);
  if (purchase.startDate < terms.startDate || purchase.endDate > terms.endDate) {
    throw new RuleViolation(
      'purchase-outside-contract',
      `the purchase runs ${purchase.startDate} to ${purchase.endDate}, outside the contract's ${terms.startDate} to ${terms.endDate}`,
    );
  }
}

export function sameService(a: ContractService, b: ContractService): boolean {
  return (
    a.name === b.name &&
    a.billingCodeId === b.billingCodeId &&
    sameDecimal(a.units, b.units) &&
    sameDecimal(a.unitPrice, b.unitPrice) &&
    sameDecimal(a.unitCost, b.unitCost)
  );
}
