import { canonicalDecimal } from '../catalog/catalog-decimal';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import type { ContractState, ExistingContract } from './contract.events';
import { POSITIVE, requireFound, sameDecimal, type ContractReferences } from './contract.rules';
import type { ContractMilestone, MilestoneEvent, MilestoneState } from './milestone.events';

/** billing-rules §7: a billing event of a Fixed Price contract, billed once ready and due. */
export interface AddMilestone {
  type: 'AddMilestone';
  contractId: string;
  milestone: ContractMilestone;
  references: Pick<ContractReferences, 'billingCodeIds'>;
}

/** The milestone may be billed from its due date on. Marking it again decides nothing. */
export interface MarkMilestoneReady {
  type: 'MarkMilestoneReady';
  contractId: string;
  milestoneId: string;
}

export type MilestoneCommand = AddMilestone | MarkMilestoneReady;

function existing(state: ContractState, contractId: string): ExistingContract {
  if (state.status !== 'exists') throw new NotFound('contract', contractId);
  return state;
}

/** Same milestone: title, due date, billing code, amount by value. */
function sameMilestone(a: ContractMilestone, b: ContractMilestone): boolean {
  return a.title === b.title && a.dueDate === b.dueDate && a.billingCodeId === b.billingCodeId && sameDecimal(a.amount, b.amount);
}

/** A milestone is due inside its contract's dates, both counted (as a purchase runs inside them). */
export function checkMilestoneFits(milestone: Pick<ContractMilestone, 'milestoneId' | 'dueDate'>, contract: ExistingContract): void {
  const { contractId, type, startDate, endDate } = contract.terms;
  if (type !== 'FIXED_PRICE')
    throw new RuleViolation('milestone-not-for-contract-type', `milestones belong on FIXED_PRICE contracts; ${contractId} is ${type}`);
  if (milestone.dueDate < startDate || milestone.dueDate > endDate)
    throw new RuleViolation(
      'milestone-outside-contract',
      `milestone ${milestone.milestoneId} is due ${milestone.dueDate}, outside contract ${contractId}, which runs ${startDate} to ${endDate}`,
    );
}

/** A shorter contract may not leave a milestone due after its end. */
export function checkEndDateAfterMilestones(endDate: string, milestones: readonly MilestoneState[]): void {
  const last = milestones.reduce<MilestoneState | null>((latest, m) => (latest === null || m.dueDate > latest.dueDate ? m : latest), null);
  if (last !== null && endDate < last.dueDate)
    throw new RuleViolation('end-date-before-milestone', `the end date ${endDate} is before milestone ${last.milestoneId}, due ${last.dueDate}`);
}

function decideAdd(command: AddMilestone, state: ContractState): MilestoneEvent[] {
  const contract = existing(state, command.contractId);
  const milestone: ContractMilestone = { ...command.milestone, amount: canonicalDecimal(command.milestone.amount, 'amount', POSITIVE) };
  const previous = contract.milestones.find((m) => m.milestoneId === milestone.milestoneId);
  if (previous) {
    if (sameMilestone(previous, milestone)) return [];
    throw new Conflict('id-reused', `milestone ${milestone.milestoneId} already exists on contract ${contract.terms.contractId} with other details`);
  }
  checkMilestoneFits(milestone, contract);
  requireFound('billing code', [milestone.billingCodeId], command.references.billingCodeIds);
  return [{ type: 'MilestoneAdded', data: { contractId: contract.terms.contractId, ...milestone } }];
}

function decideReady(command: MarkMilestoneReady, state: ContractState): MilestoneEvent[] {
  const contract = existing(state, command.contractId);
  const milestone = contract.milestones.find((m) => m.milestoneId === command.milestoneId);
  if (!milestone) throw new NotFound('milestone', command.milestoneId);
  if (milestone.ready) return [];
  const { milestoneId, amount, dueDate } = milestone;
  return [{ type: 'MilestoneReadyToBill', data: { contractId: contract.terms.contractId, milestoneId, amount, dueDate } }];
}

export function decideMilestone(command: MilestoneCommand, state: ContractState): MilestoneEvent[] {
  switch (command.type) {
    case 'AddMilestone':
      return decideAdd(command, state);
    case 'MarkMilestoneReady':
      return decideReady(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
