import { RuleViolation } from '@billing/domain';
import { parseAsOf, resolveAsOf, withinAsOf } from './as-of';

describe('asOf: a date or a global position', () => {
  it('digits are a position, inclusive of the event at it', () => {
    // given / when
    const asOf = parseAsOf('42');
    // then
    expect(asOf).toEqual({ kind: 'position', position: 42n });
    const within = withinAsOf(asOf as Exclude<typeof asOf, string>);
    expect(within({ position: 42n, recordedAt: '2026-11-20T00:00:00.000Z' })).toBe(true);
    expect(within({ position: 43n, recordedAt: '2026-11-20T00:00:00.000Z' })).toBe(false);
  });

  it('a date is everything recorded before the next midnight, UTC', () => {
    const asOf = parseAsOf('2026-10-31');
    expect(asOf).toEqual({ kind: 'date', date: '2026-10-31', recordedBefore: '2026-11-01T00:00:00.000Z' });
    const within = withinAsOf(asOf as Exclude<typeof asOf, string>);
    expect(within({ position: 1n, recordedAt: '2026-10-31T23:59:59.999Z' })).toBe(true);
    expect(within({ position: 1n, recordedAt: '2026-11-01T00:00:00.000Z' })).toBe(false);
    // the last day of a leap February ends on 1 March
    expect(parseAsOf('2028-02-29')).toMatchObject({ recordedBefore: '2028-03-01T00:00:00.000Z' });
  });

  it.each([
    ['-1', 'a negative position'],
    ['1.5', 'a fraction'],
    ['2026-02-30', 'an impossible date'],
    ['2026-13-01', 'an impossible month'],
    ['31/10/2026', 'another date format'],
    ['2026-10-31T12:00:00Z', 'a timestamp'],
    ['9223372036854775808', 'a position beyond 64 bits'],
    ['12345678901234567890', 'twenty digits'],
    ['0202-10-31', 'a year nobody bills'],
    ['', 'nothing'],
  ])('%s (%s) is refused with a sentence', (text) => {
    expect(typeof parseAsOf(text)).toBe('string');
  });

  it('a list or a number is refused', () => {
    expect(typeof parseAsOf(['1', '2'])).toBe('string');
    expect(typeof parseAsOf(5)).toBe('string');
  });

  it('the largest 64-bit position is a position', () => {
    expect(parseAsOf('9223372036854775807')).toEqual({ kind: 'position', position: 9223372036854775807n });
  });
});

describe('resolving asOf against the store', () => {
  const now = new Date('2026-11-20T15:00:00.000Z');

  it('absent: the store as it stands, its last position', () => {
    expect(resolveAsOf(undefined, 17n, now)).toEqual({ kind: 'position', position: 17n });
  });

  it('a position up to the last one, and a day up to today, stand', () => {
    expect(resolveAsOf({ kind: 'position', position: 17n }, 17n, now)).toEqual({ kind: 'position', position: 17n });
    expect(resolveAsOf({ kind: 'position', position: 0n }, 17n, now)).toEqual({ kind: 'position', position: 0n });
    const today = { kind: 'date', date: '2026-11-20', recordedBefore: '2026-11-21T00:00:00.000Z' } as const;
    expect(resolveAsOf(today, 17n, now)).toEqual(today);
  });

  it('a position beyond the last event, or a day after today, is refused: its answer could still change', () => {
    expect(() => resolveAsOf({ kind: 'position', position: 18n }, 17n, now)).toThrow(RuleViolation);
    expect(() => resolveAsOf({ kind: 'date', date: '2026-11-21', recordedBefore: '2026-11-22T00:00:00.000Z' }, 17n, now)).toThrow(
      expect.objectContaining({ rule: 'as-of-in-future' }),
    );
  });
});
