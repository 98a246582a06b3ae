import type { Decider } from '../shared/decider';
import { Conflict, NotFound } from '../shared/domain-errors';
import { sameTerms } from './catalog-decimal';
import { evolveExclusionSet, initialExclusionSetState, type ExclusionSetEvent, type ExclusionSetState, type ExclusionSetTerms } from './exclusion-set.events';
import type { RoleState } from './role.events';
import type { WorkTypeState } from './work-type.events';

/** The states of the work types and roles the terms name, loaded by the handler (like an account's parent). */
export interface ExclusionSetReferences {
  workTypes: Readonly<Record<string, WorkTypeState>>;
  roles: Readonly<Record<string, RoleState>>;
}

export interface CreateExclusionSet extends ExclusionSetReferences {
  type: 'CreateExclusionSet';
  terms: ExclusionSetTerms;
}

export interface ChangeExclusionSet extends ExclusionSetReferences {
  type: 'ChangeExclusionSet';
  terms: ExclusionSetTerms;
}
export type ExclusionSetCommand = CreateExclusionSet | ChangeExclusionSet;

const asSet = (ids: readonly string[]) => [...new Set(ids)].sort();

export function canonicalExclusionSetTerms(terms: ExclusionSetTerms): ExclusionSetTerms {
  return { exclusionSetId: terms.exclusionSetId, name: terms.name, workTypeIds: asSet(terms.workTypeIds), roleIds: asSet(terms.roleIds) };
}

/** Every id must name an existing work type or role (NotFound naming the first missing id). */
function requireReferences(terms: ExclusionSetTerms, references: ExclusionSetReferences): void {
  for (const id of terms.workTypeIds) if (references.workTypes[id]?.status !== 'active') throw new NotFound('work type', id);
  for (const id of terms.roleIds) if (references.roles[id]?.status !== 'active') throw new NotFound('role', id);
}

function decideExclusionSet(command: ExclusionSetCommand, state: ExclusionSetState): ExclusionSetEvent[] {
  const terms = canonicalExclusionSetTerms(command.terms);
  switch (command.type) {
    case 'CreateExclusionSet': {
      if (state.status === 'active') {
        if (sameTerms(state.terms, terms)) return [];
        throw new Conflict('id-reused', `exclusion set ${terms.exclusionSetId} already exists with other details`);
      }
      requireReferences(terms, command);
      return [{ type: 'ExclusionSetCreated', data: terms }];
    }
    case 'ChangeExclusionSet': {
      if (state.status !== 'active') throw new NotFound('exclusion set', terms.exclusionSetId);
      if (sameTerms(state.terms, terms)) return [];
      requireReferences(terms, command);
      return [{ type: 'ExclusionSetChanged', data: terms }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const exclusionSetDecider: Decider<ExclusionSetCommand, ExclusionSetEvent, ExclusionSetState> = {
  decide: decideExclusionSet,
  evolve: evolveExclusionSet,
  initialState: initialExclusionSetState,
};
