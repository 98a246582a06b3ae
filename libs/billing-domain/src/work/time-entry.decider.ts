import type { AccountState } from '../accounts/account.decider';
import type { Decider, DomainEvent } from '../shared/decider';
import { decimalString } from '../shared/decimal';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { hoursToBill } from '../rating/hours-to-bill';
import { routeTimeEntry } from '../rating/routing';
import type { RoutingContract, WorkTypeSnapshot } from '../rating/rating-inputs';
import { assertEditable, decideItemApproval, evolveItemApproval, type Approval, type ApprovalCommand, type ApprovalEvent } from './item-approval';

/** What a technician logs. Hours are decimal strings. */
export interface TimeEntryRequest {
  timeEntryId: string;
  accountId: string;
  resourceId: string;
  roleId: string;
  workTypeId: string;
  dateWorked: string;
  /** UTC timestamp of a start/stop entry; null for a decimal-hours entry. */
  startTime: string | null;
  hoursWorked: string;
  offsetHours: string;
  ticketId: string | null;
  summary: string | null;
  /** The contract named on the entry, if any (routing starts there). */
  requestedContractId: string | null;
}

/** The entry as logged: the request plus what was decided from it when it was logged or revised. */
export interface TimeEntryData extends TimeEntryRequest {
  /** The contract the entry belongs to after routing (billing-rules §4), or null. */
  contractId: string | null;
  /** The contracts tried, in order. */
  routing: string[];
  hoursToBill: string;
}

export type TimeEntryLogged = DomainEvent<'TimeEntryLogged', TimeEntryData>;
export type TimeEntryRevised = DomainEvent<'TimeEntryRevised', TimeEntryData & { changedFields: string[] }>;
export type TimeEntryEvent = TimeEntryLogged | TimeEntryRevised | ApprovalEvent;

export type TimeEntryState = { status: 'none' } | { status: 'logged'; entry: TimeEntryData; approval: Approval };

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

export type RevisableField = 'roleId' | 'workTypeId' | 'dateWorked' | 'startTime' | 'hoursWorked' | 'offsetHours' | 'ticketId' | 'summary' | 'requestedContractId';

export interface ReviseTimeEntry {
  type: 'ReviseTimeEntry';
  timeEntryId: string;
  changes: Partial<Pick<TimeEntryRequest, RevisableField>>;
  context: TimeEntryContext;
}

export type TimeEntryCommand = LogTimeEntry | ReviseTimeEntry | ApprovalCommand;

export const timeEntryStream = (timeEntryId: string) => `timeEntry-${timeEntryId}`;

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

export const timeEntryDecider: Decider<TimeEntryCommand, TimeEntryEvent, TimeEntryState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'LogTimeEntry': {
        if (state.status === 'logged') {
          if (JSON.stringify(requestOf(state.entry)) === JSON.stringify(requestOf(command.request))) return [];
          throw new Conflict(`time entry ${command.request.timeEntryId} already exists with other details`, 'id-reused');
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
      case 'ApproveItem':
      case 'ReleaseItem':
        return decideItemApproval('time entry', state.status === 'logged' ? state : undefined, command);
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TimeEntryLogged':
        return { status: 'logged', entry: event.data, approval: { status: 'pending' } };
      case 'TimeEntryRevised': {
        if (state.status !== 'logged') return state;
        const { changedFields: _changed, ...entry } = event.data;
        return { ...state, entry };
      }
      case 'ItemApproved':
      case 'ItemReleased':
        return evolveItemApproval(state, event);
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
