import type { PendingItem } from '../rating/rating-inputs';
import { RuleViolation } from '../shared/domain-errors';

/**
 * billing-rules §7: a milestone is billable once ready and due. Its pending item is dated its due
 * date, and it is not posted on an earlier posted date (Autotask shows it in Approve & Post only
 * from its due date on).
 */
export function refuseMilestoneNotDue(pending: PendingItem, postedDate: string): void {
  if (pending.kind === 'MILESTONE' && postedDate < pending.itemDate)
    throw new RuleViolation('milestone-not-due', `milestone ${pending.id} is due ${pending.itemDate}; it cannot be posted on ${postedDate}, before it is due`);
}
