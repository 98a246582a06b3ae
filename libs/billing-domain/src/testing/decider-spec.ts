import { replay, type Decider } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';

/** A refusal a decision is expected to end in, as `then` takes it beside a list of events. */
export class ExpectedRefusal {
  constructor(
    readonly describe: string,
    readonly matches: (error: unknown) => boolean,
  ) {}

  /** The same refusal, whose message also equals `expected` (a string) or matches it (a RegExp). */
  withMessage(expected: string | RegExp): ExpectedRefusal {
    const fits = (message: string) => (typeof expected === 'string' ? message === expected : expected.test(message));
    return new ExpectedRefusal(`${this.describe} with the message ${String(expected)}`, (e) => this.matches(e) && e instanceof Error && fits(e.message));
  }
}

/** Refused by the business rule `name` (422). */
export const rule = (name: string) => new ExpectedRefusal(`RuleViolation ${name}`, (e) => e instanceof RuleViolation && e.rule === name);
/** Refused as contradicting the state, with the code `code` (409). */
export const conflict = (code: string) => new ExpectedRefusal(`Conflict ${code}`, (e) => e instanceof Conflict && e.code === code);
/** Refused because `entity` (and, given, `id`) does not exist (404). */
export const notFound = (entity: string, id?: string) =>
  new ExpectedRefusal(`NotFound ${entity} ${id ?? ''}`.trim(), (e) => e instanceof NotFound && e.entity === entity && (id === undefined || e.id === id));

function describeError(error: unknown): string {
  if (error instanceof RuleViolation) return `RuleViolation ${error.rule}: ${error.message}`;
  if (error instanceof Conflict) return `Conflict ${error.code}: ${error.message}`;
  if (error instanceof NotFound) return `NotFound ${error.entity} ${error.id}`;
  return String(error);
}

/**
 * Given/when/then for a decider, as Emmett writes it: `deciderSpec(decider).given(events)
 * .when(command).then(events | rule(…) | conflict(…) | notFound(…))`. `given` folds the events
 * with the decider's own `evolve`, so a test states history, never a hand-built state.
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[] = []) {
      const state = () => replay(decider, history);
      return {
        /** The state the history folds to. */
        state,
        when(command: Command) {
          const decide = () => decider.decide(command, state());
          return {
            then(expected: readonly Event[] | ExpectedRefusal): void {
              if (!(expected instanceof ExpectedRefusal)) {
                expect(decide()).toEqual(expected);
                return;
              }
              let decided: Event[];
              try {
                decided = decide();
              } catch (error) {
                if (!expected.matches(error)) throw new Error(`expected a refusal (${expected.describe}), got ${describeError(error)}`);
                return;
              }
              throw new Error(`expected a refusal (${expected.describe}), got the events ${JSON.stringify(decided)}`);
            },
            /** The events decided (fails the test on a refusal), for checks `then` cannot state. */
            events: decide,
            /** The error of the refusal (fails the test when the decision is not refused). */
            refusal(): Error {
              let decided: Event[];
              try {
                decided = decide();
              } catch (error) {
                return error as Error;
              }
              throw new Error(`expected a refusal, got the events ${JSON.stringify(decided)}`);
            },
            /** The state after the history and the decided events. */
            stateAfter(): State {
              return decide().reduce(decider.evolve, state());
            },
          };
        },
      };
    },
  };
}
