import type { Decider } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { MAX_HOURLY_RATE, MAX_MULTIPLIER } from '../shared/money-bounds';
import { canonicalDecimal, sameTerms } from './catalog-decimal';
import { evolveRole, initialRoleState, type RoleEvent, type RoleState, type RoleTerms } from './role.events';

export interface CreateRole {
  type: 'CreateRole';
  /** Decimals as sent (decimal strings); the decider stores them in canonical form. */
  terms: RoleTerms;
}
export type RoleCommand = CreateRole;

export const ROLE_DEFAULTS = { hourlyCost: '0', blockHourMultiplier: '1' } as const;

/** The terms in canonical form; refuses decimals out of bounds (rule `invalid-decimal`). */
export function canonicalRoleTerms(terms: RoleTerms): RoleTerms {
  return {
    roleId: terms.roleId,
    name: terms.name,
    hourlyRate: canonicalDecimal(terms.hourlyRate, 'hourlyRate', { maxPlaces: 4, min: '0', max: MAX_HOURLY_RATE }),
    hourlyCost: canonicalDecimal(terms.hourlyCost, 'hourlyCost', { maxPlaces: 4, min: '0', max: MAX_HOURLY_RATE }),
    blockHourMultiplier: canonicalDecimal(terms.blockHourMultiplier, 'blockHourMultiplier', { maxPlaces: 4, greaterThan: '0', max: MAX_MULTIPLIER }),
  };
}

function decideRole(command: RoleCommand, state: RoleState): RoleEvent[] {
  switch (command.type) {
    case 'CreateRole': {
      const terms = canonicalRoleTerms(command.terms);
      if (state.status === 'active') {
        if (sameTerms(state.terms, terms)) return [];
        throw new Conflict('id-reused', `role ${terms.roleId} already exists with other details`);
      }
      return [{ type: 'RoleCreated', data: terms }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const roleDecider: Decider<RoleCommand, RoleEvent, RoleState> = {
  decide: decideRole,
  evolve: evolveRole,
  initialState: initialRoleState,
};
