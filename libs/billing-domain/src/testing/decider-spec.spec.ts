import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { conflict, deciderSpec, notFound, rule } from './decider-spec';
import { expectDecimal } from './decimal-expect';

/** A counter that refuses in every way the kit knows, so the kit can be seen to fail. */
type Counted = DomainEvent<'Counted', { by: number }>;
type Command = { type: 'Count'; by: number } | { type: 'Refuse'; as: 'rule' | 'conflict' | 'notFound' | 'bug' };
const counter: Decider<Command, Counted, { total: number }> = {
  initialState: () => ({ total: 0 }),
  decide(command) {
    if (command.type === 'Count') return [{ type: 'Counted', data: { by: command.by } }];
    if (command.as === 'rule') throw new RuleViolation('no-counting', 'counting is off');
    if (command.as === 'conflict') throw new Conflict('counted-already', 'counted already');
    if (command.as === 'notFound') throw new NotFound('counter', 'c1');
    throw new Error('a bug');
  },
  evolve: (state, event) => ({ total: state.total + event.data.by }),
};
const counting = deciderSpec(counter);
const counted = (by: number): Counted => ({ type: 'Counted', data: { by } });

describe('deciderSpec (the test kit can fail)', () => {
  it('given history, then state() folds it with the decider; stateAfter() adds what is decided', () => {
    expect(counting.given([counted(2), counted(3)]).state()).toEqual({ total: 5 });
    expect(
      counting
        .given([counted(2)])
        .when({ type: 'Count', by: 4 })
        .stateAfter(),
    ).toEqual({ total: 6 });
  });

  it('then(events) passes on the events decided, and fails on others or on a refusal', () => {
    counting
      .given([])
      .when({ type: 'Count', by: 1 })
      .then([counted(1)]);
    expect(() =>
      counting
        .given([])
        .when({ type: 'Count', by: 1 })
        .then([counted(2)]),
    ).toThrow();
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'rule' }).then([])).toThrow(RuleViolation);
  });

  it('then(refusal) passes on that refusal only, and names what it got otherwise', () => {
    counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(rule('no-counting'));
    counting.given([]).when({ type: 'Refuse', as: 'conflict' }).then(conflict('counted-already'));
    counting.given([]).when({ type: 'Refuse', as: 'notFound' }).then(notFound('counter', 'c1'));
    counting.given([]).when({ type: 'Refuse', as: 'notFound' }).then(notFound('counter'));
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(rule('other'))).toThrow(
      'expected a refusal (RuleViolation other), got RuleViolation no-counting: counting is off',
    );
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(conflict('no-counting'))).toThrow(/got RuleViolation/);
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'notFound' }).then(notFound('counter', 'c2'))).toThrow(/got NotFound counter c1/);
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'bug' }).then(rule('no-counting'))).toThrow(/got Error: a bug/);
    expect(() => counting.given([]).when({ type: 'Count', by: 1 }).then(rule('no-counting'))).toThrow(/got the events \[\{"type":"Counted"/);
  });

  it('withMessage also checks the message: equal to a string, or matching a RegExp', () => {
    counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(rule('no-counting').withMessage('counting is off'));
    counting
      .given([])
      .when({ type: 'Refuse', as: 'rule' })
      .then(rule('no-counting').withMessage(/is off/));
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(rule('no-counting').withMessage('counting is'))).toThrow(
      /with the message counting is/,
    );
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(rule('no-counting').withMessage(/is on/))).toThrow();
    expect(() => counting.given([]).when({ type: 'Refuse', as: 'rule' }).then(conflict('no-counting').withMessage('counting is off'))).toThrow();
  });

  it('refusal() gives the error of a refusal, and fails when the decision is not refused', () => {
    expect(counting.given([]).when({ type: 'Refuse', as: 'bug' }).refusal().message).toBe('a bug');
    expect(() => counting.given([]).when({ type: 'Count', by: 1 }).refusal()).toThrow(/expected a refusal/);
  });
});

describe('expectDecimal', () => {
  it('compares decimals as numbers, and names both values when it fails', () => {
    expectDecimal('1.50').toEqual('1.5');
    expectDecimal('0.01').toBeGreaterThan(0);
    expectDecimal('0').toBeGreaterThanOrEqual('0.00');
    expectDecimal('10').toBeLessThanOrEqual('10.0');
    expect(() => expectDecimal('1.5', 'the hours').toEqual('1.25')).toThrow('expected the hours 1.5 to equal 1.25');
    expect(() => expectDecimal('0').toBeGreaterThan(0)).toThrow('expected value 0 to be greater than 0');
    expect(() => expectDecimal('-0.01', 'remaining').toBeGreaterThanOrEqual(0)).toThrow('expected remaining -0.01 to be at least 0');
    expect(() => expectDecimal('10.01').toBeLessThanOrEqual('10')).toThrow('expected value 10.01 to be at most 10');
  });
});
