import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { canonicalDecimal, sameTerms } from './catalog-decimal';

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

export interface CreateRole {
  type: 'CreateRole';
  /** Decimals as sent (decimal strings); the decider stores them in canonical form. */
  terms: RoleTerms;
}
export type RoleCommand = CreateRole;

export const ROLE_DEFAULTS = { hourlyCost: '0', blockHourMultiplier: '1' } as const;

export const roleStream = (roleId: string) => `role-${roleId}`;

/** The terms in canonical form; refuses decimals out of bounds (rule `invalid-decimal`). */
export function canonicalRoleTerms(terms: RoleTerms): RoleTerms {
  return {
    roleId: terms.roleId,
    name: terms.name,
    hourlyRate: canonicalDecimal(terms.hourlyRate, 'hourlyRate', { maxPlaces: 4, min: '0' }),
    hourlyCost: canonicalDecimal(terms.hourlyCost, 'hourlyCost', { maxPlaces: 4, min: '0' }),
    blockHourMultiplier: canonicalDecimal(terms.blockHourMultiplier, 'blockHourMultiplier', { maxPlaces: 4, greaterThan: '0' }),
  };
}

export const roleDecider: Decider<RoleCommand, RoleEvent, RoleState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateRole': {
        const terms = canonicalRoleTerms(command.terms);
        if (state.status === 'active') {
          if (sameTerms(state.terms, terms)) return [];
          throw new Conflict(`role ${terms.roleId} already exists with other details`, 'id-reused');
        }
        return [{ type: 'RoleCreated', data: terms }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RoleCreated':
        return { status: 'active', terms: event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
