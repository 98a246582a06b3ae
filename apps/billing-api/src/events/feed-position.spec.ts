import { MAX_POSITION, parsePosition, resumePosition } from './feed-position';

describe('feed positions', () => {
  it('reads a decimal whole number from 0 to 2^63 - 1', () => {
    expect(parsePosition('0')).toBe(0n);
    expect(parsePosition('42')).toBe(42n);
    expect(parsePosition('9223372036854775807')).toBe(MAX_POSITION);
  });

  it.each(['', '-1', '1.5', '01', '+1', ' 1', '1e3', '0x10', 'abc', '9223372036854775808', '99999999999999999999'])('refuses %p', (text) => {
    expect(parsePosition(text)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(parsePosition(5)).toBeUndefined();
    expect(parsePosition(['5'])).toBeUndefined();
  });

  it('resumes after Last-Event-ID first, then lastEventId, then fromPosition, else from 0', () => {
    expect(resumePosition({ lastEventIdHeader: '30', lastEventId: '20', fromPosition: '10' })).toEqual({ position: 30n });
    expect(resumePosition({ lastEventId: '20', fromPosition: '10' })).toEqual({ position: 20n });
    expect(resumePosition({ fromPosition: '10' })).toEqual({ position: 10n });
    expect(resumePosition({})).toEqual({ position: 0n });
    // an empty header is no header (an EventSource that has seen no id yet)
    expect(resumePosition({ lastEventIdHeader: '', fromPosition: '10' })).toEqual({ position: 10n });
  });

  it('names the field that is not a position', () => {
    expect(resumePosition({ lastEventIdHeader: 'abc', fromPosition: '10' })).toEqual({ field: 'Last-Event-ID' });
    expect(resumePosition({ lastEventId: '-1' })).toEqual({ field: 'lastEventId' });
  });
});
