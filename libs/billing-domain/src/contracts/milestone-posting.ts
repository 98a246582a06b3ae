import type { PendingMilestone } from '../rating/rating-inputs';
import { RuleViolation } from '../shared/domain-errors';
import type { ExistingContract } from './contract.events';

/**
 * A milestone as Approve & Post rates it (billing-rules §7): its amount, dated its due date, how its
 * line reads, and the billing code that gives its tax category. Undefined when the contract has no
 * such milestone; one not marked ready to bill is refused (`milestone-not-ready`).
 */
export function milestoneToPost(
  contract: ExistingContract,
  milestoneId: string,
): { pending: PendingMilestone; description: string; billingCodeId: string | null } | undefined {
  const milestone = contract.milestones.find((m) => m.milestoneId === milestoneId);
  if (!milestone) return undefined;
  if (!milestone.ready)
    throw new RuleViolation(
      'milestone-not-ready',
      `milestone ${milestoneId} is not ready to bill; mark it ready (POST …/milestones/${milestoneId}/ready) first`,
    );
  return {
    pending: { kind: 'MILESTONE', id: milestoneId, contractId: contract.terms.contractId, itemDate: milestone.dueDate, amount: milestone.amount },
    description: `Milestone: ${milestone.title}`,
    billingCodeId: milestone.billingCodeId,
  };
}
