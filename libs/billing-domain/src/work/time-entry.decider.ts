import type { AccountState } from '../accounts/account.events';
import { hoursToBill } from '../rating/hours-to-bill';
import type { RoutingContract, WorkTypeSnapshot } from '../rating/rating-inputs';
import { routeTimeEntry } from '../rating/routing';
import type { Decider } from '../shared/decider';
import { decimalString } from '../shared/decimal';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { assertEditable, withApproval, type ApprovalCommand } from './item-approval';
import {
  evolveTimeEntry,
  initialTimeEntryState,
  type TimeEntryData,
  type TimeEntryEvent,
  type TimeEntryLogged,
  type TimeEntryRequest,
  type TimeEntryRevised,
  type TimeEntryState,
} from './time-entry.events';

/** What the handler loads for routing and hours to bill, at the moment of logging. */
export interface TimeEntryContext {
  account: AccountState;
  roleExists: boolean;
  workType: WorkTypeSnapshot | undefined;
  /** The account's active default contract. */
  defaultContractId: string | null;
  /** Every contract routing may visit (the named or default one and its exclusion chain), by id, with its account. */
  contracts: Readonly<Record<string, RoutingContract & { accountId: string }>>;
  roundUpMinutes: number;
}

export interface LogTimeEntry {
  type: 'LogTimeEntry';
  request: TimeEntryRequest;
  context: TimeEntryContext;
}

export type RevisableField =
  'roleId' | 'workTypeId' | 'dateWorked' | 'startTime' | 'hoursWorked' | 'offsetHours' | 'ticketId' | 'summary' | 'requestedContractId';

export interface ReviseTimeEntry {
  type: 'ReviseTimeEntry';
  timeEntryId: string;
  changes: Partial<Pick<TimeEntryRequest, RevisableField>>;
  context: TimeEntryContext;
}

export type TimeEntryCommand = LogTimeEntry | ReviseTimeEntry | ApprovalCommand;

const REQUEST_FIELDS: (keyof TimeEntryRequest)[] = [
  'timeEntryId',
  'accountId',
  'resourceId',
  'roleId',
  'workTypeId',
  'dateWorked',
  'startTime',
  'hoursWorked',
  'offsetHours',
  'ticketId',
  'summary',
  'requestedContractId',
];

function requestOf(entry: TimeEntryRequest): TimeEntryRequest {
  return Object.fromEntries(REQUEST_FIELDS.map((f) => [f, entry[f]])) as unknown as TimeEntryRequest;
}

/** Routing and hours to bill, decided from the request and the context (billing-rules §4, §5). */
function decideEntry(request: TimeEntryRequest, context: TimeEntryContext): TimeEntryData {
  if (context.account.status !== 'active') throw new NotFound('account', request.accountId);
  if (!context.roleExists) throw new NotFound('role', request.roleId);
  const workType = context.workType;
  if (!workType) throw new NotFound('work type', request.workTypeId);
  if (request.requestedContractId !== null) {
    const named = context.contracts[request.requestedContractId];
    if (!named) throw new NotFound('contract', request.requestedContractId);
    const account = context.account.terms;
    if (named.accountId !== account.accountId && named.accountId !== account.parentAccountId)
      throw new RuleViolation('contract-of-another-account', `contract ${named.id} belongs to account ${named.accountId}, not to ${account.accountId}`);
  }
  const hours = hoursToBill({
    hoursWorked: request.hoursWorked,
    offsetHours: request.offsetHours,
    roundUpMinutes: context.roundUpMinutes,
    minHours: workType.minHours,
    maxHours: workType.maxHours,
  });
  const routed = routeTimeEntry(
    {
      contractId: request.requestedContractId,
      defaultContractId: context.defaultContractId,
      dateWorked: request.dateWorked,
      workTypeId: request.workTypeId,
      roleId: request.roleId,
    },
    (id) => context.contracts[id],
  );
  return { ...request, contractId: routed.contractId, routing: routed.path, hoursToBill: decimalString(hours) };
}

function decideTimeEntry(command: LogTimeEntry | ReviseTimeEntry, state: TimeEntryState): (TimeEntryLogged | TimeEntryRevised)[] {
  switch (command.type) {
    case 'LogTimeEntry': {
      if (state.status === 'logged') {
        if (JSON.stringify(requestOf(state.entry)) === JSON.stringify(requestOf(command.request))) return [];
        throw new Conflict('id-reused', `time entry ${command.request.timeEntryId} already exists with other details`);
      }
      return [{ type: 'TimeEntryLogged', data: decideEntry(command.request, command.context) }];
    }
    case 'ReviseTimeEntry': {
      if (state.status !== 'logged') throw new NotFound('time entry', command.timeEntryId);
      assertEditable('time entry', state.entry.timeEntryId, state.approval);
      const before = requestOf(state.entry);
      const after: TimeEntryRequest = { ...before, ...command.changes };
      const changedFields = REQUEST_FIELDS.filter((f) => before[f] !== after[f]);
      if (changedFields.length === 0) return [];
      return [{ type: 'TimeEntryRevised', data: { ...decideEntry(after, command.context), changedFields } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const timeEntryDecider: Decider<TimeEntryCommand, TimeEntryEvent, TimeEntryState> = withApproval('time entry', {
  decide: decideTimeEntry,
  evolve: evolveTimeEntry,
  initialState: initialTimeEntryState,
});
