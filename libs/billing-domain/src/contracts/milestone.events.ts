import type { DomainEvent } from '../shared/decider';

/**
 * A Fixed Price contract's billing events (billing-rules §3, §7): a milestone is billable once it
 * is marked ready to bill and its due date has come. Whether it is billed is the ledger's to say
 * (a posting of its id; an unpost returns it), not the contract's.
 */
export interface ContractMilestone {
  milestoneId: string;
  title: string;
  /** Money, canonical (`"5000"`, `"1250.5"`): billed as is, half-up to cents at posting. */
  amount: string;
  dueDate: string;
  /** Gives the milestone item its tax category; null: untaxed. */
  billingCodeId: string | null;
}

export interface MilestoneReadyToBillData {
  contractId: string;
  milestoneId: string;
  /** The milestone's amount and due date, as the item it makes will bill them. */
  amount: string;
  dueDate: string;
}

export type MilestoneAdded = DomainEvent<'MilestoneAdded', { contractId: string } & ContractMilestone>;
export type MilestoneReadyToBill = DomainEvent<'MilestoneReadyToBill', MilestoneReadyToBillData>;
export type MilestoneEvent = MilestoneAdded | MilestoneReadyToBill;

export type MilestoneState = ContractMilestone & { ready: boolean };

/** New list every time: a contract's state may be shared between readers. */
export function evolveMilestones(milestones: readonly MilestoneState[], event: MilestoneEvent): MilestoneState[] {
  switch (event.type) {
    case 'MilestoneAdded': {
      const { contractId: _contractId, ...milestone } = event.data;
      return [...milestones, { ...milestone, ready: false }];
    }
    case 'MilestoneReadyToBill':
      return milestones.map((m) => (m.milestoneId === event.data.milestoneId ? { ...m, ready: true } : m));
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
