import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, NotFound } from '../shared/domain-errors';
import { sameTerms } from './catalog-decimal';
import type { RoleState } from './role.decider';
import type { WorkTypeState } from './work-type.decider';

/**
 * A named, reusable set of excluded work types and roles (billing-rules §2). Contracts refer to
 * it by id, so a change applies to every contract that uses it, for work logged after the change.
 * The id lists are sets: stored sorted, without repeats.
 */
export interface ExclusionSetTerms {
  exclusionSetId: string;
  name: string;
  workTypeIds: string[];
  roleIds: string[];
}

export type ExclusionSetCreated = DomainEvent<'ExclusionSetCreated', ExclusionSetTerms>;
/** The whole set as it is from now on (not a diff), so one event tells what the set became. */
export type ExclusionSetChanged = DomainEvent<'ExclusionSetChanged', ExclusionSetTerms>;
export type ExclusionSetEvent = ExclusionSetCreated | ExclusionSetChanged;

export type ExclusionSetState = { status: 'none' } | { status: 'active'; terms: ExclusionSetTerms };

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

export const exclusionSetStream = (exclusionSetId: string) => `exclusionSet-${exclusionSetId}`;

const asSet = (ids: readonly string[]) => [...new Set(ids)].sort();

export function canonicalExclusionSetTerms(terms: ExclusionSetTerms): ExclusionSetTerms {
  return { exclusionSetId: terms.exclusionSetId, name: terms.name, workTypeIds: asSet(terms.workTypeIds), roleIds: asSet(terms.roleIds) };
}

/** Every id must name an existing work type or role (NotFound naming the first missing id). */
function requireReferences(terms: ExclusionSetTerms, references: ExclusionSetReferences): void {
  for (const id of terms.workTypeIds) if (references.workTypes[id]?.status !== 'active') throw new NotFound('work type', id);
  for (const id of terms.roleIds) if (references.roles[id]?.status !== 'active') throw new NotFound('role', id);
}

export const exclusionSetDecider: Decider<ExclusionSetCommand, ExclusionSetEvent, ExclusionSetState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const terms = canonicalExclusionSetTerms(command.terms);
    switch (command.type) {
      case 'CreateExclusionSet': {
        if (state.status === 'active') {
          if (sameTerms(state.terms, terms)) return [];
          throw new Conflict(`exclusion set ${terms.exclusionSetId} already exists with other details`, 'id-reused');
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
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ExclusionSetCreated':
      case 'ExclusionSetChanged':
        return { status: 'active', terms: event.data };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
