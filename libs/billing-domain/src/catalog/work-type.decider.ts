import type { Decider } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { sameTerms } from './catalog-decimal';
import { evolveWorkType, initialWorkTypeState, type WorkTypeEvent, type WorkTypeModifier, type WorkTypeState, type WorkTypeTerms } from './work-type.events';
import { canonicalWorkTypeTerms } from './work-type.rules';

export interface CreateWorkType {
  type: 'CreateWorkType';
  /** Decimals as sent (decimal strings); the decider stores them in canonical form. */
  terms: WorkTypeTerms;
}
export type WorkTypeCommand = CreateWorkType;

export const WORK_TYPE_DEFAULTS = {
  billable: true,
  modifier: { type: 'none' } as WorkTypeModifier,
  /** Billable work shows on invoices; non-billable work is hidden unless asked for. */
  showOnInvoice: (billable: boolean) => billable,
} as const;

function decideWorkType(command: WorkTypeCommand, state: WorkTypeState): WorkTypeEvent[] {
  switch (command.type) {
    case 'CreateWorkType': {
      const terms = canonicalWorkTypeTerms(command.terms);
      if (state.status === 'active') {
        if (sameTerms(state.terms, terms)) return [];
        throw new Conflict('id-reused', `work type ${terms.workTypeId} already exists with other details`);
      }
      return [{ type: 'WorkTypeCreated', data: terms }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const workTypeDecider: Decider<WorkTypeCommand, WorkTypeEvent, WorkTypeState> = {
  decide: decideWorkType,
  evolve: evolveWorkType,
  initialState: initialWorkTypeState,
};
