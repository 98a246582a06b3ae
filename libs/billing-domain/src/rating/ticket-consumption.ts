import type { Dec } from '../shared/decimal';
import { RuleViolation } from '../shared/domain-errors';
import { hoursToBill } from './hours-to-bill';
import { baseLabourRate, rateLabour } from './labour-rate';
import { ONE, ZERO } from './rating-decimals';
import type { IsoDate, RateModifier, RoleSnapshot, TicketLabourEntry } from './rating-inputs';
import { type DrawablePurchase, drawInOrder, type QuantityDraw, usablePurchases } from './prepaid-balance';

/** One ticket from the oldest usable ticket purchase, or null when none has a ticket left. */
export function consumeTicket(completedDate: IsoDate, purchases: readonly DrawablePurchase[]): QuantityDraw | null {
  const { draws } = drawInOrder(usablePurchases(purchases, completedDate), ONE);
  return draws[0] ?? null;
}

export interface TicketLabourCatalog {
  role: (roleId: string) => RoleSnapshot;
  workType: (workTypeId: string) => { billable: boolean; minHours?: string | null; maxHours?: string | null; modifier: RateModifier };
}

/**
 * The fallback when a ticket finds no ticket left and the contract has no overage rate: its labour
 * billed at the roles' hourly rates with the work-type modifiers (a Per Ticket contract has no role
 * rates of its own, billing-rules §5); non-billable work adds nothing. Unrounded: the ticket item
 * rounds the sum once.
 */
export function ticketLabourAmount(labour: readonly TicketLabourEntry[], roundUpMinutes: number, catalog: TicketLabourCatalog): Dec {
  let total = ZERO;
  for (const entry of labour) {
    const workType = catalog.workType(entry.workTypeId);
    if (!workType.billable) continue;
    const hours = hoursToBill({
      hoursWorked: entry.hoursWorked,
      offsetHours: entry.offsetHours,
      roundUpMinutes,
      minHours: workType.minHours,
      maxHours: workType.maxHours,
    });
    const base = baseLabourRate(null, catalog.role(entry.roleId));
    total = total.plus(rateLabour(base.rate, workType.modifier, hours).amount);
  }
  return total;
}

export function assertWholeTickets(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RuleViolation('ticket-count', `${field} must be a whole number of tickets ≥ 0`);
  return value;
}
