import type { ContractRatingSnapshot } from '../rating/rating-inputs';
import type { ContractPurchase, ExistingContract } from './contract.events';

/**
 * A contract as the rating engine sees it (billing-rules §3, §5, §6): its role rates and block
 * multipliers merged by role, its overage rate, and each purchase at its full size (the ledger
 * knows what has been drawn and fills in what remains).
 */
export function ratingSnapshotOf(contract: ExistingContract): ContractRatingSnapshot {
  const { terms, purchases } = contract;
  const roleIds = new Set([...terms.roleRates.map((r) => r.roleId), ...terms.blockHourMultipliers.map((m) => m.roleId)]);
  const common = (p: ContractPurchase) => ({ id: p.purchaseId, startDate: p.startDate, endDate: p.endDate, sequence: p.sequence, active: true });
  return {
    id: terms.contractId,
    type: terms.type,
    overageRate: terms.overageRate,
    roleRates: [...roleIds].map((roleId) => ({
      roleId,
      hourlyRate: terms.roleRates.find((r) => r.roleId === roleId)?.hourlyRate ?? null,
      blockHourMultiplier: terms.blockHourMultipliers.find((m) => m.roleId === roleId)?.multiplier ?? null,
    })),
    blockPurchases: purchases.flatMap((p) => (p.kind === 'BLOCK' ? [{ ...common(p), hours: p.hours, hourlyRate: p.hourlyRate, remaining: p.hours }] : [])),
    retainerPurchases: purchases.flatMap((p) => (p.kind === 'RETAINER' ? [{ ...common(p), amount: p.amount, remaining: p.amount }] : [])),
    ticketPurchases: purchases.flatMap((p) =>
      p.kind === 'TICKETS' ? [{ ...common(p), tickets: p.tickets, perTicketRate: p.perTicketRate, remaining: p.tickets }] : [],
    ),
  };
}
