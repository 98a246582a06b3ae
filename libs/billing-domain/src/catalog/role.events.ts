import type { DomainEvent } from '../shared/decider';

/** A role (billing-rules §2). Money and multipliers are canonical decimal strings ("150", "1.5"). */
export interface RoleTerms {
  roleId: string;
  name: string;
  /** What the customer pays per hour; ≥ 0. */
  hourlyRate: string;
  /** What the MSP pays per hour (profitability); ≥ 0, default "0". */
  hourlyCost: string;
  /** Block hours drawn per hour to bill; > 0, default "1". */
  blockHourMultiplier: string;
}

export type RoleCreated = DomainEvent<'RoleCreated', RoleTerms>;
export type RoleEvent = RoleCreated;

export type RoleState = { status: 'none' } | { status: 'active'; terms: RoleTerms };

export const roleStream = (roleId: string) => `role-${roleId}`;

export const initialRoleState = (): RoleState => ({ status: 'none' });

export function evolveRole(_state: RoleState, event: RoleEvent): RoleState {
  switch (event.type) {
    case 'RoleCreated':
      return { status: 'active', terms: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
