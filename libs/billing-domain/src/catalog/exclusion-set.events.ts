import type { DomainEvent } from '../shared/decider';

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

export const exclusionSetStream = (exclusionSetId: string) => `exclusionSet-${exclusionSetId}`;

export const initialExclusionSetState = (): ExclusionSetState => ({ status: 'none' });

export function evolveExclusionSet(_state: ExclusionSetState, event: ExclusionSetEvent): ExclusionSetState {
  switch (event.type) {
    case 'ExclusionSetCreated':
    case 'ExclusionSetChanged':
      return { status: 'active', terms: event.data };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
