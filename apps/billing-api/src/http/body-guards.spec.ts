import { nestedDeeperThan } from './body-guards';

describe('the nesting of a body', () => {
  it('counts the body as level 1, and objects and lists alike', () => {
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });

  it('answers for any depth without recursion', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestedDeeperThan(deep, 32)).toBe(true);
  });
});
