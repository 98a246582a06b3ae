import type { ContractRenewed, ContractTerms, PeriodType } from './contract.events';
import { addYears, CONTRACT_MAX_YEARS } from './contract.rules';
import { addDays, addMonthsClamped, PERIOD_MONTHS } from './service-periods';

/**
 * The end of the term that follows one ending on `endDate`: the new term starts the day after and
 * lasts `period`, so it ends the day before the same date a period later (30 June 2026, yearly:
 * 30 June 2027; 28 February, monthly: 31 March, not 28 March).
 */
export function renewedEndDate(endDate: string, period: PeriodType): string {
  return addDays(addMonthsClamped(addDays(endDate, 1), PERIOD_MONTHS[period]), -1);
}

/**
 * billing-rules §7: an active contract with a `renewalPeriod` whose end date is before `through`
 * renews by that period, once per term, until its end date covers `through`. A renewal that would
 * take the contract past its longest length (20 years from its start) is not made: the contract
 * then ends, as a PATCH could not extend it either.
 */
export function renewalsThrough(terms: ContractTerms, through: string): ContractRenewed[] {
  const period = terms.renewalPeriod;
  if (terms.status !== 'ACTIVE' || period === null) return [];
  const latest = addYears(terms.startDate, CONTRACT_MAX_YEARS);
  const renewals: ContractRenewed[] = [];
  let endDate = terms.endDate;
  while (endDate < through) {
    const newEndDate = renewedEndDate(endDate, period);
    if (newEndDate > latest) break;
    renewals.push({ type: 'ContractRenewed', data: { contractId: terms.contractId, previousEndDate: endDate, newEndDate, period } });
    endDate = newEndDate;
  }
  return renewals;
}
