/**
 * A decider per stream type: `decide(command, state) → events`, `evolve(state, event) → state`.
 * Pure: no clock, no I/O; time and ids come in with the command.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  /** A new state on every call, so no two folds share (and change) one. */
  initialState(): State;
}

/** An event of the domain: a stable type name and plain JSON data (money and hours as strings). */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Folds events into state with the decider's `evolve`. */
export function replay<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>, events: Iterable<Event>): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
